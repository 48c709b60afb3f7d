package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.api.storage.RecordDeletions;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.restorepoint.RestorePoint;
import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import dev.sfbackup.storage.restorepoint.repository.IncomingRows;
import dev.sfbackup.storage.restorepoint.repository.IngestedBatchRepository;
import dev.sfbackup.storage.restorepoint.repository.IngestedBatchRepository.Kind;
import dev.sfbackup.storage.restorepoint.repository.RecordFieldRepository;
import dev.sfbackup.storage.restorepoint.repository.RecordVersionRepository;
import dev.sfbackup.storage.restorepoint.repository.RestorePointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes records into an OPEN point. Every call runs in one transaction that holds a share lock on the point (commit and
 * discard wait for it) and first claims its (point, seq): a retried call finds the claim and reports the first call's
 * counters, and a failed call leaves nothing behind. Counters live on the claim, so parallel calls never contend.
 */
@ApplicationScoped
public class RecordIngestService {

    private static final int MAX_ID_LENGTH = 255;
    private static final int DESCRIBES_KEPT = 256;

    private final RestorePointRepository points;
    private final RecordVersionRepository versions;
    private final IngestedBatchRepository batches;
    private final PayloadCodec codec;
    private final RecordDictionaries dictionaries;
    private final RecordFieldRepository fields;
    private final RestorePointConfig config;
    private final ObjectMapper recordMapper;
    private final Map<UUID, DescribedFields> describedByPoint = new ConcurrentHashMap<>();

    public RecordIngestService(RestorePointRepository points, RecordVersionRepository versions,
            IngestedBatchRepository batches, PayloadCodec codec, RecordDictionaries dictionaries, RecordFieldRepository fields,
            RestorePointConfig config) {
        this.points = points;
        this.versions = versions;
        this.batches = batches;
        this.codec = codec;
        this.dictionaries = dictionaries;
        this.fields = fields;
        this.config = config;
        this.recordMapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The whole batch body, refused before it fills the memory when it is larger than the configured maximum. */
    public byte[] readBatch(InputStream body) throws IOException {
        long max = config.maxBatchBytes();
        byte[] ndjson = body.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (ndjson.length > max) {
            throw ApiProblem.contentTooLarge("body", "a record batch holds at most " + max
                    + " bytes of NDJSON; send fewer records per batch");
        }
        return ndjson;
    }

    @Transactional(rollbackOn = Exception.class)
    public BatchResult ingest(UUID pointId, long seq, byte[] ndjson) throws SQLException, IOException {
        requireSeq(seq, "seq");
        RestorePoint point = openRecordPoint(pointId);
        if (!batches.claim(pointId, Kind.RECORDS, seq)) {
            return batches.earlier(pointId, Kind.RECORDS, seq);
        }
        DescribedFields described = describedFields(pointId);
        PayloadDictionary dictionary = dictionaries.forWriting(point.streamId(), point.seq(),
                () -> samples(ndjson), () -> lineCount(ndjson))
                .orElse(null);
        FieldNames names = new FieldNames();
        RecordVersionRepository.IngestCounts counts = versions.ingest(pointId, point.streamId(), point.seq(),
                point.kind() == RestorePointKind.FULL, rows -> stage(ndjson, described, dictionary, names, rows));
        fields.record(point.streamId(), point.seq(), names.names());
        BatchResult result = new BatchResult(seq, counts.received(), counts.recordsNew(), counts.recordsChanged(),
                counts.recordsUnchanged(), 0, false);
        batches.record(pointId, Kind.RECORDS, result, counts.bytes());
        return result;
    }

    @Transactional(rollbackOn = Exception.class)
    public BatchResult delete(UUID pointId, RecordDeletions deletions) throws SQLException {
        if (deletions == null || deletions.ids() == null) {
            throw ApiProblem.badRequest("ids", "required: the deleted record ids");
        }
        if (deletions.seq() == null) {
            throw ApiProblem.badRequest("seq", "required: a number that identifies this call for retries");
        }
        requireSeq(deletions.seq(), "seq");
        if (deletions.ids().size() > config.maxDeletionIds()) {
            throw ApiProblem.badRequest("ids", "at most " + config.maxDeletionIds() + " ids per call");
        }
        for (int i = 0; i < deletions.ids().size(); i++) {
            requireId(deletions.ids().get(i), "ids[" + i + "]");
        }
        RestorePoint point = openRecordPoint(pointId);
        if (!batches.claim(pointId, Kind.DELETIONS, deletions.seq())) {
            return batches.earlier(pointId, Kind.DELETIONS, deletions.seq());
        }
        long deleted = versions.tombstone(point.streamId(), point.seq(), deletions.ids());
        return recordTombstones(pointId, Kind.DELETIONS, deletions.seq(), deletions.ids().size(), deleted);
    }

    /** Records alive before a FULL point and absent from its batches become tombstones. */
    @Transactional(rollbackOn = Exception.class)
    public BatchResult endOfFullScan(UUID pointId) throws SQLException {
        RestorePoint point = openRecordPoint(pointId);
        if (point.kind() == RestorePointKind.INCREMENTAL) {
            throw ApiProblem.conflict("kind", "restore point " + pointId
                    + " is INCREMENTAL: it reads only changed records, so absent records are not deleted; report deletions by id");
        }
        if (!batches.claim(pointId, Kind.END_OF_FULL_SCAN, 0)) {
            return batches.earlier(pointId, Kind.END_OF_FULL_SCAN, 0);
        }
        long deleted = point.kind() == RestorePointKind.FULL
                ? versions.tombstoneUnseen(pointId, point.streamId(), point.seq())
                : 0;
        return recordTombstones(pointId, Kind.END_OF_FULL_SCAN, 0, 0, deleted);
    }

    private BatchResult recordTombstones(UUID pointId, Kind kind, long seq, long received, long deleted) throws SQLException {
        BatchResult result = new BatchResult(seq, received, 0, 0, 0, deleted, false);
        batches.record(pointId, kind, result, 0);
        return result;
    }

    private RestorePoint openRecordPoint(UUID pointId) throws SQLException {
        RestorePoint point = points.findForShare(pointId).orElseThrow(() -> ApiProblem.notFound("restore point", pointId));
        if (!point.isOpen()) {
            throw ApiProblem.conflict("state", "restore point " + pointId + " is " + point.state() + "; records go only into OPEN points");
        }
        if (point.streamId() == null) {
            throw ApiProblem.conflict("object", "restore point " + pointId + " has no object: it holds files or metadata, not records");
        }
        return point;
    }

    /** The fields the point's describe declares; a point's describe never changes, so they are kept per point. */
    private DescribedFields describedFields(UUID pointId) throws SQLException, IOException {
        DescribedFields known = describedByPoint.get(pointId);
        if (known != null) {
            return known;
        }
        String schema = points.schemaOf(pointId).orElse(null);
        DescribedFields described = schema == null ? DescribedFields.ANY : DescribedFields.of(recordMapper.readTree(schema));
        if (describedByPoint.size() >= DESCRIBES_KEPT) {
            describedByPoint.clear();
        }
        describedByPoint.put(pointId, described);
        return described;
    }

    /**
     * One record per line; a line that is already canonical is stored as it came (see {@link CanonicalLine}). A record
     * with a key the describe does not declare fails the whole batch, so nothing of it is stored. The keys of the
     * stored records go into names.
     */
    private void stage(byte[] ndjson, DescribedFields described, PayloadDictionary dictionary, FieldNames names,
            IncomingRows rows) throws IOException {
        ExpectedKeys keys = new ExpectedKeys();
        int lineNumber = 0;
        for (int start = 0; start < ndjson.length; ) {
            int end = lineEnd(ndjson, start);
            lineNumber++;
            CanonicalLine.Scan line = CanonicalLine.scan(ndjson, start, end, described, names, keys);
            requireDescribed(line.undescribedKey(), lineNumber);
            if (line.id() != null) {
                rows.add(line.id(), CanonicalRecord.sha256(ndjson, start, end), codec.compress(ndjson, start, end, dictionary));
            } else if (!isBlank(ndjson, start, end)) {
                stageParsed(ndjson, start, end, lineNumber, described, dictionary, names, rows);
            }
            start = end + 1;
        }
    }

    private static void requireDescribed(String key, int lineNumber) {
        if (key != null) {
            throw ApiProblem.badRequest("line " + lineNumber + ": " + key, "record " + lineNumber + " of the batch has field '"
                    + key + "', which the point's describe does not declare; a record may hold only the describe's fields");
        }
    }

    private void stageParsed(byte[] ndjson, int start, int end, int lineNumber, DescribedFields described,
            PayloadDictionary dictionary, FieldNames names, IncomingRows rows) throws IOException {
        String line = "line " + lineNumber;
        try (JsonParser parser = recordMapper.createParser(ndjson, start, end - start)) {
            CanonicalRecordReader records = new CanonicalRecordReader(parser);
            CanonicalRecordReader.Read record;
            try {
                if (records.nextValue() != JsonToken.START_OBJECT) {
                    throw ApiProblem.badRequest(line, "each line must be one JSON object (a record)");
                }
                record = records.readRecord(described);
                if (records.nextValue() != null) {
                    throw ApiProblem.badRequest(line, "each line must be one JSON object (a record); this one holds more");
                }
            } catch (JsonProcessingException e) {
                throw ApiProblem.badRequest(line, "malformed JSON: " + e.getOriginalMessage());
            }
            requireDescribed(record.undescribedKey(), lineNumber);
            requireId(record.id(), line + ": Id");
            rows.add(record.id(), record.canonical().sha256(), codec.compress(record.canonical().json(), dictionary));
            RecordFieldNames.forEach(record.canonical().json(), names::add);
        }
    }

    /** The batch's records as they came, with their ids (a line without one is no sample): the stream's dictionary samples. */
    private Iterator<DictionarySample> samples(byte[] ndjson) {
        return new Iterator<>() {
            private int start = skipBlankLines(ndjson, 0);

            @Override
            public boolean hasNext() {
                return start < ndjson.length;
            }

            @Override
            public DictionarySample next() {
                int end = lineEnd(ndjson, start);
                byte[] line = Arrays.copyOfRange(ndjson, start, end);
                start = skipBlankLines(ndjson, end + 1);
                return new DictionarySample(idOf(line), line);
            }
        };
    }

    private String idOf(byte[] line) {
        String id = CanonicalLine.idIfCanonical(line, 0, line.length);
        if (id != null) {
            return id;
        }
        try {
            JsonNode record = recordMapper.readTree(line);
            return record != null && record.path("Id").isTextual() ? record.get("Id").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int skipBlankLines(byte[] ndjson, int from) {
        int start = from;
        while (start < ndjson.length && isBlank(ndjson, start, lineEnd(ndjson, start))) {
            start = lineEnd(ndjson, start) + 1;
        }
        return start;
    }

    private static int lineCount(byte[] ndjson) {
        int lines = 0;
        for (byte b : ndjson) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static int lineEnd(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static void requireSeq(long seq, String field) {
        if (seq < 0) {
            throw ApiProblem.badRequest(field, "must be 0 or more");
        }
    }

    /** The rule every record id storage takes meets (the field names it in the refusal). */
    static void requireId(String id, String field) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw ApiProblem.badRequest(field, "must be a non-empty record id string of at most " + MAX_ID_LENGTH + " characters");
        }
    }
}
