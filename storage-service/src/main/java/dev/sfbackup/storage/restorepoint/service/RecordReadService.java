package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.storage.RecordVersionView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.restorepoint.PointInTime;
import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import dev.sfbackup.storage.restorepoint.repository.RecordFieldRepository;
import dev.sfbackup.storage.restorepoint.repository.RecordVersionRepository;
import dev.sfbackup.storage.restorepoint.repository.RecordVersionRepository.DiffRow;
import dev.sfbackup.storage.restorepoint.repository.RecordVersionRepository.StoredVersion;
import dev.sfbackup.storage.restorepoint.repository.RecordVersionRepository.VersionState;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/** Point-in-time reads: an object's records as of a point (NDJSON or CSV), a record's versions, and diffs. */
@ApplicationScoped
public class RecordReadService {

    private final RecordVersionRepository versions;
    private final RecordFieldRepository recordedFields;
    private final PayloadCodec codec;
    private final RestorePointConfig config;
    private final ObjectMapper mapper = new ObjectMapper();

    public RecordReadService(RecordVersionRepository versions, RecordFieldRepository recordedFields, PayloadCodec codec,
            RestorePointConfig config) {
        this.versions = versions;
        this.recordedFields = recordedFields;
        this.codec = codec;
        this.config = config;
    }

    public void writeNdjson(PointInTime at, RecordQuery query, OutputStream target) throws SQLException, IOException {
        OutputStream out = new BufferedOutputStream(target, 1 << 16);
        versions.inSnapshot(c -> versions.forEachLive(c, at, config.readFetchSize(), row -> {
            byte[] json = codec.decompress(row.payload());
            if (query.isPlain()) {
                out.write(json);
            } else {
                ObjectNode record = (ObjectNode) mapper.readTree(json);
                if (!query.matches(record)) {
                    return;
                }
                out.write(mapper.writeValueAsBytes(query.project(record)));
            }
            out.write('\n');
        }));
        out.flush();
    }

    /** The columns are the projection, or else every field any record has had (see {@link #allFields}). */
    public void writeCsv(PointInTime at, RecordQuery query, OutputStream target) throws SQLException, IOException {
        writeCsv(at, query, List.of(), target);
    }

    /**
     * The columns are the projection, else the given ones (an export passes the describe's fields), else every field
     * any record has had (see {@link #allFields}). The target is flushed, not closed.
     */
    public void writeCsv(PointInTime at, RecordQuery query, List<String> columns, OutputStream target)
            throws SQLException, IOException {
        versions.inSnapshot(c -> {
            List<String> header = !query.fields().isEmpty() ? query.fields() : !columns.isEmpty() ? columns : allFields(c, at);
            if (query.filterField() == null) {
                RecordCsvWriter csv = new RecordCsvWriter(target, header);
                versions.forEachLive(c, at, config.readFetchSize(), row -> csv.row(codec.decompress(row.payload())));
                csv.finish();
            } else {
                Writer text = new OutputStreamWriter(new BufferedOutputStream(target, 1 << 16), StandardCharsets.UTF_8);
                CsvWriter csv = new CsvWriter(text, header);
                versions.forEachLive(c, at, config.readFetchSize(), row -> {
                    JsonNode record = mapper.readTree(codec.decompress(row.payload()));
                    if (query.matches(record)) {
                        csv.row(record);
                    }
                });
                csv.finish();
            }
        });
    }

    /**
     * Id, then every field a record of the stream had a value in as of the point, sorted: as recorded at ingest, or read
     * from the records (a first pass in the same snapshot) when they were stored before names were recorded.
     */
    private List<String> allFields(Connection c, PointInTime at) throws SQLException, IOException {
        SortedSet<String> fields = recordedFields.asOf(c, at.streamId(), at.seq()).orElse(null);
        if (fields == null) {
            SortedSet<String> read = new TreeSet<>();
            versions.forEachLive(c, at, config.readFetchSize(),
                    row -> RecordFieldNames.forEach(codec.decompress(row.payload()), read::add));
            fields = read;
        }
        fields.remove("Id");
        List<String> columns = new ArrayList<>();
        columns.add("Id");
        columns.addAll(fields);
        return columns;
    }

    /** Versions per policy chain, oldest first, each with the fields changed since the previous version. */
    public List<RecordVersionView> versions(String object, String recordId, UUID policyId) throws SQLException {
        RestorePointService.requireObjectName(object);
        List<StoredVersion> stored = versions.versions(object, recordId, policyId);
        if (stored.isEmpty()) {
            throw ApiProblem.notFound(object + " record", recordId);
        }
        List<RecordVersionView> views = new ArrayList<>(stored.size());
        JsonNode previous = null;
        UUID previousPolicy = null;
        for (StoredVersion version : stored) {
            if (!version.policyId().equals(previousPolicy)) {
                previous = null;
                previousPolicy = version.policyId();
            }
            JsonNode current = version.tombstone() ? null : parse(version.payload());
            List<String> changed = current == null ? List.of() : changedFields(previous, current);
            views.add(new RecordVersionView(version.restorePointId(), version.policyId(), recordId, version.committedAt(),
                    version.tombstone(), version.contentHash() == null ? null : HexFormat.of().formatHex(version.contentHash()),
                    changed));
            previous = current;
        }
        return views;
    }

    /**
     * Streams one NDJSON line per record that differs between the points: ADDED with the record after, DELETED with the
     * record before, CHANGED with before/after of each changed field.
     */
    public void writeDiff(PointInTime from, PointInTime to, OutputStream target) throws SQLException, IOException {
        OutputStream out = new BufferedOutputStream(target, 1 << 16);
        Long stream = from.isEmpty() ? to.streamId() : from.streamId();
        if (stream != null) {
            versions.inSnapshot(c -> versions.forEachDifference(c, stream, from.seq(), to.seq(), config.readFetchSize(),
                    row -> writeDifference(row, out)));
        }
        out.flush();
    }

    private void writeDifference(DiffRow row, OutputStream out) throws IOException {
        boolean before = row.before() != null && row.before().alive();
        boolean after = row.after() != null && row.after().alive();
        if (!before && !after || before && after && Arrays.equals(row.before().contentHash(), row.after().contentHash())) {
            return;
        }
        ObjectNode line = mapper.createObjectNode();
        line.put("recordId", row.recordId());
        if (!before) {
            line.put("change", "ADDED");
            line.set("after", parse(row.after()));
        } else if (!after) {
            line.put("change", "DELETED");
            line.set("before", parse(row.before()));
        } else {
            JsonNode old = parse(row.before());
            JsonNode current = parse(row.after());
            line.put("change", "CHANGED");
            ObjectNode fields = line.putObject("fields");
            for (String field : changedFields(old, current)) {
                ObjectNode change = fields.putObject(field);
                change.set("before", old.get(field));
                change.set("after", current.get(field));
            }
        }
        out.write(mapper.writeValueAsBytes(line));
        out.write('\n');
    }

    private static List<String> changedFields(JsonNode previous, JsonNode current) {
        TreeSet<String> names = new TreeSet<>();
        current.fieldNames().forEachRemaining(names::add);
        if (previous == null) {
            return List.copyOf(names);
        }
        previous.fieldNames().forEachRemaining(names::add);
        List<String> changed = new ArrayList<>();
        for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
            String name = it.next();
            if (!Objects.equals(previous.get(name), current.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private JsonNode parse(VersionState state) {
        return parse(state.payload());
    }

    private JsonNode parse(byte[] payload) {
        try {
            return mapper.readTree(codec.decompress(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
