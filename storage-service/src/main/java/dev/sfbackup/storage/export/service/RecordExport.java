package dev.sfbackup.storage.export.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.storage.restorepoint.repository.RestorePointRepository;
import dev.sfbackup.storage.restorepoint.service.PointResolver;
import dev.sfbackup.storage.restorepoint.service.RecordQuery;
import dev.sfbackup.storage.restorepoint.service.RecordReadService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Optional;

/** One object's records at a point as a download: CSV for Data Loader, or NDJSON (the stored canonical records). */
@ApplicationScoped
public class RecordExport {

    public enum Format {
        CSV, NDJSON
    }

    private static final RecordQuery EVERYTHING = RecordQuery.parse(null, null);

    private final RecordReadService reads;
    private final RestorePointRepository points;
    private final ObjectMapper mapper;

    public RecordExport(RecordReadService reads, RestorePointRepository points, ObjectMapper mapper) {
        this.reads = reads;
        this.points = points;
        this.mapper = mapper;
    }

    /** The read position of a resolved reference with the describe its point stored. */
    public ObjectSnapshot snapshot(PointResolver.Resolved resolved) throws SQLException {
        JsonNode describe = null;
        if (!resolved.at().isEmpty()) {
            Optional<String> schema = points.schemaAt(resolved.at().streamId(), resolved.at().seq());
            describe = schema.map(this::parse).orElse(null);
        }
        return new ObjectSnapshot(resolved.object(), resolved.at(), describe);
    }

    public void write(ObjectSnapshot snapshot, Format format, OutputStream out) throws SQLException, IOException {
        if (format == Format.CSV) {
            reads.writeCsv(snapshot.at(), EVERYTHING, ExportColumns.of(snapshot.describe()), out);
        } else {
            reads.writeNdjson(snapshot.at(), EVERYTHING, out);
        }
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
