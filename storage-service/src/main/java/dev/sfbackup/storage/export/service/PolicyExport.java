package dev.sfbackup.storage.export.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sfbackup.storage.export.repository.ExportedFiles;
import dev.sfbackup.storage.export.repository.ExportedFiles.ExportedFile;
import dev.sfbackup.storage.file.service.FileStorageService;
import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.restorepoint.RestorePoint;
import dev.sfbackup.storage.restorepoint.repository.RestorePointRepository;
import dev.sfbackup.storage.restorepoint.service.PointResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A policy as of a time as one streamed ZIP: per object its CSV and its describe, then on request the file bodies
 * under their titles and the metadata packages. Entries are written while the records and chunks are read.
 */
@ApplicationScoped
public class PolicyExport {

    /** Everything an export will hold, resolved before the first byte is sent (errors are still problems then). */
    public record Plan(UUID policyId, Instant asOf, List<ObjectSnapshot> objects, boolean records, List<ExportedFile> files,
            List<ExportedFile> metadata) {
    }

    private final RecordExport records;
    private final ExportedFiles exported;
    private final FileStorageService fileStorage;
    private final RestorePointRepository points;
    private final PointResolver resolver;
    private final Clock clock;
    private final ObjectMapper pretty;

    public PolicyExport(RecordExport records, ExportedFiles exported, FileStorageService fileStorage,
            RestorePointRepository points, PointResolver resolver, Clock clock, ObjectMapper mapper) {
        this.records = records;
        this.points = points;
        this.resolver = resolver;
        this.clock = clock;
        this.exported = exported;
        this.fileStorage = fileStorage;
        this.pretty = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * asOf: an instant or a restore point id of the policy (its commit time), now when absent; objects: API names
     * separated by commas, every object the policy backed up when absent; records: false for describes alone.
     */
    public Plan plan(UUID policyId, String asOf, String objects, boolean records, boolean files, boolean metadata)
            throws SQLException {
        Instant at = asOf(policyId, asOf, "asOf");
        List<ObjectSnapshot> snapshots = snapshots(policyId, at, objects);
        return new Plan(policyId, at, snapshots, records, files ? exported.filesAsOf(policyId, at) : List.of(),
                metadata ? exported.metadataAsOf(policyId, at) : List.of());
    }

    /** Every object's read position and describe as of the time (objects as in {@link #plan}). */
    public List<ObjectSnapshot> snapshots(UUID policyId, Instant at, String objects) throws SQLException {
        List<String> known = points.objectsOf(policyId);
        if (known.isEmpty() && points.count(new RestorePointRepository.Filter(policyId, null, RestorePointState.COMMITTED, null, null)) == 0) {
            throw ApiProblem.notFound("policy", policyId);
        }
        List<ObjectSnapshot> snapshots = new ArrayList<>();
        for (String object : objects(objects, known)) {
            snapshots.add(records.snapshot(resolver.resolve(at.toString(), "asOf", policyId, object)));
        }
        return snapshots;
    }

    /** An instant or a restore point id of the policy (its commit time); now when absent. field: the parameter's name. */
    public Instant asOf(UUID policyId, String reference, String field) throws SQLException {
        if (reference == null || reference.isBlank()) {
            return clock.instant();
        }
        try {
            UUID pointId = UUID.fromString(reference);
            RestorePoint point = points.find(pointId).filter(p -> p.policyId().equals(policyId))
                    .orElseThrow(() -> ApiProblem.badRequest(field, "restore point " + pointId + " is not a point of policy " + policyId));
            if (!point.isCommitted()) {
                throw ApiProblem.conflict(field, "restore point " + pointId + " is " + point.state() + "; only COMMITTED points can be read");
            }
            return point.committedAt();
        } catch (IllegalArgumentException notAnId) {
            try {
                return Instant.parse(reference);
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest(field, "expected an instant such as 2026-01-01T00:00:00Z or a restore point id, got '"
                        + reference + "'");
            }
        }
    }

    private static List<String> objects(String requested, List<String> known) {
        if (requested == null || requested.isBlank()) {
            return known;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : requested.split(",")) {
            String object = name.trim();
            if (!known.contains(object)) {
                throw ApiProblem.badRequest("objects", "'" + object + "' is not an object this policy backed up; it has "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
            names.add(object);
        }
        return List.copyOf(names);
    }

    public void write(Plan plan, OutputStream target) throws SQLException, IOException {
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(target, 1 << 16));
        // the fastest level: a download is waited for, so time counts for more than a few percent of size
        zip.setLevel(Deflater.BEST_SPEED);
        for (ObjectSnapshot object : plan.objects()) {
            if (plan.records()) {
                zip.putNextEntry(new ZipEntry(object.object() + ".csv"));
                records.write(object, RecordExport.Format.CSV, zip);
                zip.closeEntry();
            }
            if (object.describe() != null) {
                zip.putNextEntry(new ZipEntry(object.object() + ".describe.json"));
                zip.write(pretty.writeValueAsBytes(object.describe()));
                zip.closeEntry();
            }
        }
        for (ExportedFile file : plan.files()) {
            copy(file, ZipEntryNames.file(file.sourceId(), file.name()), zip);
        }
        for (ExportedFile metadata : plan.metadata()) {
            copy(metadata, ZipEntryNames.metadata(metadata.sourceId()), zip);
        }
        zip.finish();
        zip.flush();
    }

    private void copy(ExportedFile file, String entryName, ZipOutputStream zip) throws IOException {
        FileStorageService.Readable readable = fileStorage.readable(file.id());
        zip.putNextEntry(new ZipEntry(entryName));
        try (InputStream body = readable.open(0, readable.file().size)) {
            body.transferTo(zip);
        }
        zip.closeEntry();
    }
}
