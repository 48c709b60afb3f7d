package dev.sfbackup.storage.restorepoint.service;

import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.common.rest.QueryParameters;
import dev.sfbackup.storage.restorepoint.PointInTime;
import dev.sfbackup.storage.restorepoint.RestorePoint;
import dev.sfbackup.storage.restorepoint.repository.RestorePointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns "a restore point id or a time" plus an object into a read position. Only COMMITTED points are ever read. A
 * point of another object (or a run's file point) stands for its commit time: the object is read as of the newest of
 * its own points committed by then.
 */
@ApplicationScoped
public class PointResolver {

    private final RestorePointRepository points;

    public PointResolver(RestorePointRepository points) {
        this.points = points;
    }

    public record Resolved(UUID policyId, String object, PointInTime at) {
    }

    public Resolved resolve(String reference, String field, UUID policyId, String object) throws SQLException {
        if (object != null) {
            RestorePointService.requireObjectName(object);
        }
        Optional<UUID> id = uuid(reference);
        if (id.isPresent()) {
            return resolvePoint(id.get(), field, policyId, object);
        }
        Instant at = instant(reference, field);
        if (policyId == null) {
            throw ApiProblem.badRequest("policyId", "required when the point is given as a time");
        }
        if (object == null) {
            throw ApiProblem.badRequest("object", "required when the point is given as a time");
        }
        return new Resolved(policyId, object, asOf(policyId, object, at));
    }

    private Resolved resolvePoint(UUID id, String field, UUID policyId, String object) throws SQLException {
        RestorePoint point = points.find(id).orElseThrow(() -> ApiProblem.notFound("restore point", id));
        if (!point.isCommitted()) {
            throw ApiProblem.conflict(field, "restore point " + id + " is " + point.state() + "; only COMMITTED points can be read");
        }
        if (policyId != null && !policyId.equals(point.policyId())) {
            throw ApiProblem.badRequest("policyId", "restore point " + id + " belongs to policy " + point.policyId());
        }
        String wanted = object != null ? object : point.object();
        if (wanted == null) {
            throw ApiProblem.badRequest("object", "required: restore point " + id + " has no object of its own");
        }
        if (wanted.equals(point.object())) {
            return new Resolved(point.policyId(), wanted, new PointInTime(point.streamId(), point.seq()));
        }
        return new Resolved(point.policyId(), wanted, asOf(point.policyId(), wanted, point.committedAt()));
    }

    private PointInTime asOf(UUID policyId, String object, Instant at) throws SQLException {
        Optional<Long> stream = points.streamOf(policyId, object);
        if (stream.isEmpty()) {
            return PointInTime.empty();
        }
        return points.latestCommittedAt(stream.get(), at)
                .map(p -> new PointInTime(p.streamId(), p.seq()))
                .orElse(PointInTime.empty());
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(String text, String field) {
        try {
            Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field, "expected a restore point id (UUID) or an instant such as 2026-01-01T00:00:00Z, got '" + text + "'");
        }
        return QueryParameters.instant(field, text);
    }
}
