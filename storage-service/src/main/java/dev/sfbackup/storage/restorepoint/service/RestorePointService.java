package dev.sfbackup.storage.restorepoint.service;

import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.ContentHashes;
import dev.sfbackup.api.storage.OpenRestoreLease;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RecordIds;
import dev.sfbackup.api.storage.RestoreLeaseView;
import dev.sfbackup.api.storage.RestorePointPage;
import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.api.storage.Watermark;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.common.problem.Problem;
import dev.sfbackup.storage.restorepoint.RestorePoint;
import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import dev.sfbackup.storage.restorepoint.repository.RecordVersionRepository;
import dev.sfbackup.storage.restorepoint.repository.RestoreLeaseRepository;
import dev.sfbackup.storage.restorepoint.repository.RestorePointRepository;
import dev.sfbackup.storage.restorepoint.repository.WatermarkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The life of a restore point: open, commit (with its watermark), discard, leases; and looking points up. */
@ApplicationScoped
public class RestorePointService {

    public static final Pattern OBJECT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    private static final int MAX_HASHED_IDS = 10_000;

    private final RestorePointRepository points;
    private final RecordVersionRepository versions;
    private final WatermarkRepository watermarks;
    private final RestoreLeaseRepository leases;
    private final RestorePointConfig config;
    private final Clock clock;

    public RestorePointService(RestorePointRepository points, RecordVersionRepository versions,
            WatermarkRepository watermarks, RestoreLeaseRepository leases, RestorePointConfig config, Clock clock) {
        this.points = points;
        this.versions = versions;
        this.watermarks = watermarks;
        this.leases = leases;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens a point. An older OPEN point of the same policy and object was abandoned by a crashed session: it is
     * discarded first, so that no version of it can ever show through a later point. Opening a caller-chosen id again
     * answers the point opened under it.
     */
    @Transactional(rollbackOn = Exception.class)
    public RestorePointView open(OpenRestorePoint request) throws SQLException {
        validate(request);
        Long streamId = null;
        if (request.object() != null) {
            streamId = points.lockStream(request.policyId(), request.orgId(), request.object());
        }
        Optional<RestorePoint> opened = request.id() == null ? Optional.empty() : points.find(request.id());
        if (opened.isPresent()) {
            return reopened(opened.get(), request);
        }
        if (streamId != null) {
            for (UUID abandoned : points.openPointsOfStream(streamId)) {
                discardOpen(points.findForUpdate(abandoned).orElseThrow());
            }
        }
        return points.insert(request, streamId).toView();
    }

    private static RestorePointView reopened(RestorePoint point, OpenRestorePoint request) {
        boolean same = point.policyId().equals(request.policyId()) && point.sessionId().equals(request.sessionId())
                && Objects.equals(point.object(), request.object()) && point.kind() == request.kind();
        if (!same) {
            throw ApiProblem.conflict("id", "restore point " + point.id() + " was opened for another policy, session,"
                    + " object or kind; choose a new id");
        }
        if (!point.isOpen()) {
            throw ApiProblem.conflict("id", "restore point " + point.id() + " is " + point.state()
                    + "; a point can be opened again only while it is OPEN");
        }
        return point.toView();
    }

    public RestorePointView get(UUID id) throws SQLException {
        return find(id).toView();
    }

    public String schema(UUID id) throws SQLException {
        find(id);
        return points.schemaOf(id).orElseThrow(() -> ApiProblem.notFound("schema of restore point", id));
    }

    public RestorePointPage list(RestorePointRepository.Filter filter, int page, int size) throws SQLException {
        if (page < 0) {
            throw ApiProblem.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > config.maxPageSize()) {
            throw ApiProblem.badRequest("size", "must be between 1 and " + config.maxPageSize());
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw ApiProblem.badRequest("from", "must not be after to");
        }
        List<RestorePointView> items = points.list(filter, page, size).stream().map(RestorePoint::toView).toList();
        return new RestorePointPage(items, page, size, points.count(filter));
    }

    /** Makes the point visible and stores the watermark in the same transaction; committing twice is harmless. */
    @Transactional(rollbackOn = Exception.class)
    public RestorePointView commit(UUID id, CommitRestorePoint request) throws SQLException {
        RestorePoint point = points.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("restore point", id));
        if (point.isCommitted()) {
            return point.toView();
        }
        if (!point.isOpen()) {
            throw ApiProblem.conflict("state", "restore point " + id + " is " + point.state() + "; only OPEN points can be committed");
        }
        if (request != null && request.watermark() != null) {
            if (request.watermarkField() == null || request.watermarkField().isBlank()) {
                throw ApiProblem.badRequest("watermarkField", "required when watermark is given (e.g. SystemModstamp)");
            }
            if (point.object() == null) {
                throw ApiProblem.badRequest("watermark", "a point without an object has no watermark");
            }
            if (request.watermark().isAfter(clock.instant().plus(config.watermarkClockSkew()))) {
                throw ApiProblem.badRequest("watermark", "must not lie in the future (at most " + config.watermarkClockSkew()
                        + " after storage-service's clock, " + clock.instant() + ")");
            }
            watermarks.raise(point.policyId(), point.object(), request.watermarkField(), request.watermark());
        }
        versions.forgetSeen(id);
        return points.changeState(id, RestorePointState.COMMITTED).toView();
    }

    @Transactional(rollbackOn = Exception.class)
    public RestorePointView discard(UUID id) throws SQLException {
        RestorePoint point = points.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("restore point", id));
        if (point.state() == RestorePointState.DISCARDED) {
            return point.toView();
        }
        if (point.isCommitted()) {
            throw ApiProblem.conflict("state", "restore point " + id + " is COMMITTED; only OPEN points can be discarded");
        }
        return discardOpen(point).toView();
    }

    private RestorePoint discardOpen(RestorePoint point) throws SQLException {
        if (point.streamId() != null) {
            versions.deletePointVersions(point.streamId(), point.seq());
        }
        versions.forgetSeen(point.id());
        return points.changeState(point.id(), RestorePointState.DISCARDED);
    }

    public Watermark watermark(UUID policyId, String object) throws SQLException {
        return watermarks.find(policyId, object)
                .orElseThrow(() -> ApiProblem.notFound("watermark of policy " + policyId + " and object", object));
    }

    /** Refuses (400, naming the field "object") a name that is not an object API name. */
    static void requireObjectName(String object) {
        if (!OBJECT_NAME.matcher(object).matches()) {
            throw ApiProblem.badRequest("object", "must be an object API name such as Account");
        }
    }

    /**
     * The content hashes of the latest committed versions of the given records: a caller that read records again
     * learns whether storing them would change anything, without opening a point.
     */
    public ContentHashes latestContentHashes(UUID policyId, String orgId, String object, RecordIds request) throws SQLException {
        if (orgId == null || orgId.isBlank()) {
            throw ApiProblem.badRequest("orgId", "required: the Salesforce organization id the records were read from");
        }
        requireObjectName(object);
        if (request == null || request.ids() == null) {
            throw ApiProblem.badRequest("ids", "required: the record ids whose latest content hashes are wanted");
        }
        if (request.ids().size() > MAX_HASHED_IDS) {
            throw ApiProblem.badRequest("ids", "at most " + MAX_HASHED_IDS + " ids per call");
        }
        for (int i = 0; i < request.ids().size(); i++) {
            RecordIngestService.requireId(request.ids().get(i), "ids[" + i + "]");
        }
        Map<String, String> byId = new HashMap<>();
        versions.latestContentHashes(policyId, orgId, object, request.ids())
                .forEach((id, hash) -> byId.put(id, HexFormat.of().formatHex(hash)));
        return new ContentHashes(byId);
    }

    @Transactional(rollbackOn = Exception.class)
    public RestoreLeaseView lease(UUID pointId, OpenRestoreLease request) throws SQLException {
        RestorePoint point = find(pointId);
        if (!point.isCommitted()) {
            throw ApiProblem.conflict("state", "restore point " + pointId + " is " + point.state() + "; only COMMITTED points can be leased");
        }
        if (request == null || request.holder() == null || request.holder().isBlank()) {
            throw ApiProblem.badRequest("holder", "required: who reads the point, e.g. a restore session id");
        }
        Duration ttl = request.ttl() == null ? config.leaseTtl() : request.ttl();
        if (ttl.isNegative() || ttl.isZero()) {
            throw ApiProblem.badRequest("ttl", "must be a positive ISO-8601 duration such as PT2H");
        }
        return leases.insert(pointId, request.holder(), clock.instant().plus(ttl));
    }

    public void release(UUID pointId, UUID leaseId) throws SQLException {
        if (!leases.delete(pointId, leaseId)) {
            throw ApiProblem.notFound("lease", leaseId);
        }
    }

    RestorePoint find(UUID id) throws SQLException {
        return points.find(id).orElseThrow(() -> ApiProblem.notFound("restore point", id));
    }

    private static void validate(OpenRestorePoint request) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "an OpenRestorePoint JSON object is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.policyId() == null) {
            errors.add(new Problem.FieldError("policyId", "required"));
        }
        if (request.sessionId() == null) {
            errors.add(new Problem.FieldError("sessionId", "required"));
        }
        if (request.orgId() == null || request.orgId().isBlank()) {
            errors.add(new Problem.FieldError("orgId", "required: the Salesforce organization id"));
        }
        if (request.kind() == null) {
            errors.add(new Problem.FieldError("kind", "required: one of INITIAL, INCREMENTAL, FULL"));
        }
        if (request.object() != null && !OBJECT_NAME.matcher(request.object()).matches()) {
            errors.add(new Problem.FieldError("object", "must be an object API name such as Account or My_Object__c, or null"));
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
            throw new ApiProblem(400, "Bad Request", detail, errors);
        }
    }
}
