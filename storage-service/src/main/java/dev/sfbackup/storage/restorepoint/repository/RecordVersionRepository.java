package dev.sfbackup.storage.restorepoint.repository;

import dev.sfbackup.storage.jdbc.JdbcTransactions;
import dev.sfbackup.storage.restorepoint.PointInTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.PGCopyOutputStream;

/** Record versions: set-based ingest through COPY, tombstones, streaming point-in-time reads, diff and retention. */
@ApplicationScoped
public class RecordVersionRepository {

    private static final String LATEST_AT = "SELECT v.content_hash, v.tombstone, v.payload FROM record_version v"
            + " WHERE v.stream_id = ? AND v.record_id = %s AND v.seq <= ? ORDER BY v.seq DESC LIMIT 1";

    private static final String COMPARE_AND_INSERT = "WITH incoming AS ("
            + " SELECT DISTINCT ON (record_id) record_id, content_hash, payload FROM rp_staging ORDER BY record_id, ord DESC"
            + "), compared AS ("
            + " SELECT i.record_id, i.content_hash, i.payload, h.content_hash AS head_hash, h.tombstone AS head_tombstone"
            + " FROM incoming i LEFT JOIN LATERAL (" + LATEST_AT.formatted("i.record_id") + ") h ON true"
            + "), inserted AS ("
            + " INSERT INTO record_version (stream_id, record_id, seq, tombstone, content_hash, payload)"
            + " SELECT ?, record_id, ?, false, content_hash, payload FROM compared"
            + " WHERE head_hash IS DISTINCT FROM content_hash OR head_tombstone"
            + " ON CONFLICT (stream_id, record_id, seq) DO UPDATE"
            + " SET tombstone = false, content_hash = EXCLUDED.content_hash, payload = EXCLUDED.payload"
            + " RETURNING length(payload) AS bytes"
            + ") SELECT count(*) FILTER (WHERE head_hash IS NULL),"
            + " count(*) FILTER (WHERE head_hash IS NOT NULL AND head_hash <> content_hash),"
            + " count(*) FILTER (WHERE head_hash = content_hash),"
            + " (SELECT coalesce(sum(bytes), 0) FROM inserted) FROM compared";

    private static final String COPY_VERSIONS = "COPY record_version (stream_id, record_id, seq, tombstone, content_hash, payload)"
            + " FROM STDIN (FORMAT binary)";

    /** The rows (numbered from 0) whose content differs from their record's latest version, and whether it has one. */
    private static final String CHANGED_ROWS = "SELECT n.ord - 1, h.content_hash IS NULL"
            + " FROM unnest(?::text[], ?::bytea[]) WITH ORDINALITY AS n (record_id, content_hash, ord)"
            + " LEFT JOIN LATERAL (" + LATEST_AT.formatted("n.record_id COLLATE \"C\"") + ") h ON true"
            + " WHERE h.content_hash IS DISTINCT FROM n.content_hash OR h.tombstone ORDER BY n.ord";

    /** Each of the ids (an array) with its latest version at or before a seq of a stream, when that version is alive. */
    private static final String LIVE_LATEST_OF_IDS = " FROM (SELECT DISTINCT unnest(?::text[]) AS id) d"
            + " JOIN LATERAL (" + LATEST_AT.formatted("d.id COLLATE \"C\"") + ") h ON NOT h.tombstone";

    private final DataSource dataSource;

    public RecordVersionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record IngestCounts(long received, long recordsNew, long recordsChanged, long recordsUnchanged, long bytes) {
    }

    /**
     * Stores the rows the filler adds, only those whose content differs from the latest version at or before the
     * point. Must run in the caller's transaction. The rows go into record_version with one COPY, all of them when the
     * point is its stream's first (nothing to compare with), else only those a look-up of their latest versions found
     * changed or new (see {@link #copyChanged}). A FULL point, which also tracks the records it saw, and a batch that
     * repeats a record the point already holds take the compare path instead (see {@link #compareAndInsert}).
     */
    public IngestCounts ingest(UUID pointId, long streamId, long pointSeq, boolean trackSeen, IncomingRows.Filler filler)
            throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            if (!trackSeen) {
                IngestCounts copied = isFirstOfStream(c, streamId, pointSeq)
                        ? copyAsFirstVersions(c, streamId, pointSeq, filler)
                        : copyChanged(c, streamId, pointSeq, filler);
                if (copied != null) {
                    return copied;
                }
            }
            return compareAndInsert(c, pointId, streamId, pointSeq, trackSeen, filler);
        }
    }

    /** Streams rows into the staging table with COPY, then stores in one statement the rows whose content differs. */
    private static IngestCounts compareAndInsert(Connection c, UUID pointId, long streamId, long pointSeq, boolean trackSeen,
            IncomingRows.Filler filler) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS rp_staging (ord int4, record_id text COLLATE \"C\","
                    + " content_hash bytea, payload bytea) ON COMMIT DELETE ROWS");
            s.execute("TRUNCATE rp_staging");
            // the de-duplicating sort of a batch of thousands of ~1 KB rows must not spill to disk
            s.execute("SET LOCAL work_mem = '64MB'");
        }
        int received = copy(c, "COPY rp_staging FROM STDIN (FORMAT binary)", out -> filled(IncomingRows.staging(out), filler)).rows();
        if (trackSeen) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO full_scan_seen (restore_point_id, record_id)"
                    + " SELECT DISTINCT ?, record_id FROM rp_staging ON CONFLICT DO NOTHING")) {
                ps.setObject(1, pointId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(COMPARE_AND_INSERT)) {
            ps.setLong(1, streamId);
            ps.setLong(2, pointSeq);
            ps.setLong(3, streamId);
            ps.setLong(4, pointSeq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new IngestCounts(received, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }

    /**
     * Whether the stream has no point before this one, so the point's records have nothing to be compared with. Points
     * are removed only with their versions or after a later point (which then exists) took them over.
     */
    private static boolean isFirstOfStream(Connection c, long streamId, long pointSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM restore_point WHERE stream_id = ? AND seq < ?)")) {
            ps.setLong(1, streamId);
            ps.setLong(2, pointSeq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The records of a stream's first point go straight into record_version: no staging table, de-duplicating sort and
     * per-record look-up, which took more of PostgreSQL's time than the COPY itself (see records-bench's initial ingest).
     */
    private static IngestCounts copyAsFirstVersions(Connection c, long streamId, long pointSeq, IncomingRows.Filler filler)
            throws SQLException, IOException {
        IncomingRows copied = copyVersions(c, out -> filled(IncomingRows.versions(out, streamId, pointSeq), filler));
        return copied == null ? null : new IngestCounts(copied.rows(), copied.rows(), 0, 0, copied.payloadBytes());
    }

    /**
     * Holds the batch's rows in memory, looks up the latest version of each record in one statement (an index probe per
     * record) and copies into record_version only the rows whose content differs: no staging table, sort or
     * INSERT … SELECT, and no version written only to be removed; a batch with nothing changed sends no COPY. A batch
     * that holds a record twice goes to the compare path (null), which keeps the record's last content.
     */
    private static IngestCounts copyChanged(Connection c, long streamId, long pointSeq, IncomingRows.Filler filler)
            throws SQLException, IOException {
        HeldBytes written = new HeldBytes();
        IncomingRows held = filled(IncomingRows.heldVersions(new DataOutputStream(written), streamId, pointSeq), filler);
        if (held.repeatsARecord()) {
            return null;
        }
        ChangedRows changed = changedRows(c, streamId, pointSeq, held);
        if (changed.rows().length > 0
                && copyVersions(c, out -> held.writeRows(written.bytes(), changed.rows(), out)) == null) {
            return null;
        }
        int stored = changed.rows().length;
        return new IngestCounts(held.rows(), changed.recordsNew(), stored - changed.recordsNew(), held.rows() - stored,
                held.payloadBytes(changed.rows()));
    }

    /** Rows (ascending) whose content differs from their record's latest version; how many of them have none. */
    private record ChangedRows(int[] rows, long recordsNew) {
    }

    private static ChangedRows changedRows(Connection c, long streamId, long pointSeq, IncomingRows held) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CHANGED_ROWS)) {
            ps.setArray(1, c.createArrayOf("text", held.recordIds()));
            ps.setArray(2, c.createArrayOf("bytea", held.contentHashes()));
            ps.setLong(3, streamId);
            ps.setLong(4, pointSeq);
            List<Integer> rows = new ArrayList<>();
            long recordsNew = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getInt(1));
                    recordsNew += rs.getBoolean(2) ? 1 : 0;
                }
            }
            return new ChangedRows(rows.stream().mapToInt(Integer::intValue).toArray(), recordsNew);
        }
    }

    /** A ByteArrayOutputStream whose bytes are read where they lie, not copied. */
    private static final class HeldBytes extends ByteArrayOutputStream {

        HeldBytes() {
            super(1 << 16);
        }

        byte[] bytes() {
            return buf;
        }
    }

    private static IncomingRows filled(IncomingRows rows, IncomingRows.Filler filler) throws IOException {
        filler.fill(rows);
        rows.finish();
        return rows;
    }

    /**
     * A COPY into record_version. A record the point already holds (a batch read again after a resume, or a record
     * twice in one batch) makes it fail on the primary key; then nothing of it stays (savepoint) and null sends the
     * batch to the compare path, which keeps the record's last content.
     */
    private static IncomingRows copyVersions(Connection c, CopyWriter writer) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT copied_versions");
            try {
                IncomingRows copied = copy(c, COPY_VERSIONS, writer);
                s.execute("RELEASE SAVEPOINT copied_versions");
                return copied;
            } catch (SQLException | IOException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                s.execute("ROLLBACK TO SAVEPOINT copied_versions");
                return null;
            }
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Writes a COPY's rows into its stream; returns the rows written. */
    @FunctionalInterface
    private interface CopyWriter {
        IncomingRows write(DataOutputStream out) throws IOException;
    }

    private static IncomingRows copy(Connection c, String copySql, CopyWriter writer) throws SQLException, IOException {
        PGConnection pg = c.unwrap(PGConnection.class);
        PGCopyOutputStream copy = new PGCopyOutputStream(pg, copySql, 1 << 16);
        try {
            IncomingRows rows = writer.write(new DataOutputStream(new BufferedOutputStream(copy, 1 << 16)));
            copy.endCopy();
            return rows;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * The content hashes of the latest versions of the given records in the stream of the policy, org and object (the
     * one its points write into), as of that stream's latest committed point; a record with no version there, or
     * deleted, is absent. The versions are looked up as ingest compares with them.
     */
    public Map<String, byte[]> latestContentHashes(UUID policyId, String orgId, String object, List<String> ids) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            PointInTime latest = latestCommittedPoint(c, policyId, orgId, object);
            Map<String, byte[]> hashes = new HashMap<>();
            if (latest.isEmpty()) {
                return hashes;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, h.content_hash" + LIVE_LATEST_OF_IDS)) {
                ps.setArray(1, c.createArrayOf("text", ids.toArray()));
                ps.setLong(2, latest.streamId());
                ps.setLong(3, latest.seq());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hashes.put(rs.getString(1), rs.getBytes(2));
                    }
                }
            }
            return hashes;
        }
    }

    private static PointInTime latestCommittedPoint(Connection c, UUID policyId, String orgId, String object)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.stream_id, p.seq FROM restore_point p"
                + " JOIN record_stream s ON s.id = p.stream_id WHERE s.policy_id = ? AND s.org_id = ? AND s.object = ?"
                + " AND p.state = 'COMMITTED' ORDER BY p.seq DESC LIMIT 1")) {
            ps.setObject(1, policyId);
            ps.setString(2, orgId);
            ps.setString(3, object);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new PointInTime(rs.getLong(1), rs.getLong(2)) : PointInTime.empty();
            }
        }
    }

    /** Writes tombstones for the ids whose latest version at or before the point is alive; returns how many. */
    public long tombstone(long streamId, long pointSeq, List<String> ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO record_version"
                        + " (stream_id, record_id, seq, tombstone) SELECT ?, d.id, ?, true" + LIVE_LATEST_OF_IDS
                        + " ON CONFLICT (stream_id, record_id, seq) DO UPDATE"
                        + " SET tombstone = true, content_hash = NULL, payload = NULL")) {
            Array array = c.createArrayOf("text", ids.toArray());
            ps.setLong(1, streamId);
            ps.setLong(2, pointSeq);
            ps.setArray(3, array);
            ps.setLong(4, streamId);
            ps.setLong(5, pointSeq);
            return ps.executeUpdate();
        }
    }

    /** Records alive before a FULL point and not read by it become tombstones in it. */
    public long tombstoneUnseen(UUID pointId, long streamId, long pointSeq) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO record_version"
                        + " (stream_id, record_id, seq, tombstone) SELECT ?, h.record_id, ?, true FROM ("
                        + " SELECT DISTINCT ON (record_id) record_id, tombstone FROM record_version"
                        + " WHERE stream_id = ? AND seq < ? ORDER BY record_id, seq DESC) h"
                        + " WHERE NOT h.tombstone AND NOT EXISTS (SELECT 1 FROM full_scan_seen s"
                        + " WHERE s.restore_point_id = ? AND s.record_id = h.record_id)"
                        + " ON CONFLICT (stream_id, record_id, seq) DO NOTHING")) {
            ps.setLong(1, streamId);
            ps.setLong(2, pointSeq);
            ps.setLong(3, streamId);
            ps.setLong(4, pointSeq);
            ps.setObject(5, pointId);
            return ps.executeUpdate();
        }
    }

    public void forgetSeen(UUID pointId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM full_scan_seen WHERE restore_point_id = ?")) {
            ps.setObject(1, pointId);
            ps.executeUpdate();
        }
    }

    public long deletePointVersions(long streamId, long pointSeq) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM record_version WHERE stream_id = ? AND seq = ?")) {
            ps.setLong(1, streamId);
            ps.setLong(2, pointSeq);
            return ps.executeUpdate();
        }
    }

    // ---- reads: each runs in its own read-only snapshot, streaming through a server-side cursor ----

    public interface RowHandler<R> {
        void accept(R row) throws IOException;
    }

    @FunctionalInterface
    public interface SnapshotWork {
        void run(Connection connection) throws SQLException, IOException;
    }

    /** Runs work in one repeatable-read, read-only transaction so that several passes see the same data. */
    public void inSnapshot(SnapshotWork work) throws SQLException, IOException {
        JdbcTransactions.<Void, IOException>inTransaction(dataSource, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", c -> {
            work.run(c);
            return null;
        });
    }

    public record LiveRecord(String recordId, byte[] payload) {
    }

    /** The live records of the stream as of the point (latest version at or before it, tombstones left out). */
    public void forEachLive(Connection c, PointInTime at, int fetchSize, RowHandler<LiveRecord> handler)
            throws SQLException, IOException {
        if (at.isEmpty()) {
            return;
        }
        // the last version of each record in the primary key's order (record_id, seq): streamed without sorting, where
        // DISTINCT ON (record_id) ORDER BY record_id, seq DESC sorted every payload and spilled to disk
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id, payload FROM ("
                + " SELECT record_id, tombstone, payload, lead(record_id) OVER (ORDER BY record_id, seq) AS next_id"
                + " FROM record_version WHERE stream_id = ? AND seq <= ?) v"
                + " WHERE next_id IS DISTINCT FROM record_id AND NOT tombstone ORDER BY record_id")) {
            binaryRows(ps);
            ps.setFetchSize(fetchSize);
            ps.setLong(1, at.streamId());
            ps.setLong(2, at.seq());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(new LiveRecord(rs.getString(1), rs.getBytes(2)));
                }
            }
        }
    }

    /** Payloads come as bytes, not as hex text the driver decodes again (the driver sends one-off queries as text). */
    private static void binaryRows(PreparedStatement ps) throws SQLException {
        ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
    }

    public record VersionState(boolean tombstone, byte[] contentHash, byte[] payload) {

        public boolean alive() {
            return !tombstone;
        }
    }

    public record DiffRow(String recordId, VersionState before, VersionState after) {
    }

    /** Every record with a version between the two points, with its state at each (null when it had no version). */
    public void forEachDifference(Connection c, long streamId, long fromSeq, long toSeq, int fetchSize,
            RowHandler<DiffRow> handler) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("SELECT t.record_id,"
                + " a.tombstone, a.content_hash, a.payload, b.tombstone, b.content_hash, b.payload"
                + " FROM (SELECT DISTINCT record_id FROM record_version WHERE stream_id = ? AND seq > ? AND seq <= ?) t"
                + " LEFT JOIN LATERAL (" + LATEST_AT.formatted("t.record_id") + ") a ON true"
                + " LEFT JOIN LATERAL (" + LATEST_AT.formatted("t.record_id") + ") b ON true ORDER BY t.record_id")) {
            ps.setFetchSize(fetchSize);
            ps.setLong(1, streamId);
            ps.setLong(2, Math.min(fromSeq, toSeq));
            ps.setLong(3, Math.max(fromSeq, toSeq));
            ps.setLong(4, streamId);
            ps.setLong(5, fromSeq);
            ps.setLong(6, streamId);
            ps.setLong(7, toSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(new DiffRow(rs.getString(1), state(rs, 2), state(rs, 5)));
                }
            }
        }
    }

    private static VersionState state(ResultSet rs, int column) throws SQLException {
        boolean tombstone = rs.getBoolean(column);
        if (rs.wasNull()) {
            return null;
        }
        return new VersionState(tombstone, rs.getBytes(column + 1), rs.getBytes(column + 2));
    }

    public record StoredVersion(UUID policyId, UUID restorePointId, Instant committedAt, boolean tombstone,
            byte[] contentHash, byte[] payload) {
    }

    /** Every committed version of a record, oldest first, grouped by policy (each policy has its own chain). */
    public List<StoredVersion> versions(String object, String recordId, UUID policyId) throws SQLException {
        String byPolicy = policyId == null ? "" : " AND s.policy_id = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT s.policy_id, rp.id, rp.committed_at, v.tombstone,"
                        + " v.content_hash, v.payload FROM record_stream s"
                        + " JOIN record_version v ON v.stream_id = s.id AND v.record_id = ?"
                        + " LEFT JOIN restore_point rp ON rp.seq = v.seq"
                        + " WHERE s.object = ?" + byPolicy + " AND (rp.id IS NULL OR rp.state = 'COMMITTED')"
                        + " ORDER BY s.policy_id, v.seq")) {
            ps.setString(1, recordId);
            ps.setString(2, object);
            if (policyId != null) {
                ps.setObject(3, policyId);
            }
            List<StoredVersion> versions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp committedAt = rs.getTimestamp(3);
                    versions.add(new StoredVersion(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            committedAt == null ? null : committedAt.toInstant(), rs.getBoolean(4), rs.getBytes(5),
                            rs.getBytes(6)));
                }
            }
            return versions;
        }
    }

    // ---- retention: autocommit statements, each a short transaction of its own ----

    public List<Long> streamsOf(UUID policyId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM record_stream WHERE policy_id = ?")) {
            ps.setObject(1, policyId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * The oldest point of the stream that retention must keep: open points, points younger than the cutoff, leased
     * points (leases that expire after now) and the newest committed point. Null when the stream has none of these.
     */
    public Long oldestKeptSeq(long streamId, Instant cutoff, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT min(seq) FROM restore_point p WHERE stream_id = ?"
                        + " AND (state = 'OPEN' OR (state = 'COMMITTED' AND (committed_at >= ?"
                        + " OR seq = (SELECT max(seq) FROM restore_point WHERE stream_id = p.stream_id AND state = 'COMMITTED')"
                        + " OR EXISTS (SELECT 1 FROM restore_lease l WHERE l.restore_point_id = p.id AND l.expires_at > ?)"
                        + ")))")) {
            ps.setLong(1, streamId);
            ps.setTimestamp(2, Timestamp.from(cutoff));
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long seq = rs.getLong(1);
                return rs.wasNull() ? null : seq;
            }
        }
    }

    /**
     * Removes up to limit versions older than keptSeq that no kept point reads: versions superseded at or before keptSeq,
     * and tombstones with nothing older left (removing those first would resurrect what they hide).
     */
    public int removeUnreadVersions(long streamId, long keptSeq, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM record_version WHERE ctid = ANY(ARRAY("
                        + " SELECT v.ctid FROM record_version v WHERE v.stream_id = ? AND v.seq < ? AND ("
                        + " EXISTS (SELECT 1 FROM record_version w WHERE w.stream_id = v.stream_id"
                        + " AND w.record_id = v.record_id AND w.seq > v.seq AND w.seq <= ?)"
                        + " OR (v.tombstone AND NOT EXISTS (SELECT 1 FROM record_version w WHERE w.stream_id = v.stream_id"
                        + " AND w.record_id = v.record_id AND w.seq < v.seq))) LIMIT ?))")) {
            ps.setLong(1, streamId);
            ps.setLong(2, keptSeq);
            ps.setLong(3, keptSeq);
            ps.setInt(4, limit);
            return ps.executeUpdate();
        }
    }

    /** Removes the points of the stream before keptSeq, and discarded points created before the cutoff. */
    public int removePoints(long streamId, Long keptSeq, Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM restore_point WHERE stream_id = ? AND state <> 'OPEN'"
                        + " AND ((? AND seq < ?) OR (state = 'DISCARDED' AND created_at < ?))")) {
            ps.setLong(1, streamId);
            ps.setBoolean(2, keptSeq != null);
            ps.setLong(3, keptSeq == null ? 0 : keptSeq);
            ps.setTimestamp(4, Timestamp.from(cutoff));
            return ps.executeUpdate();
        }
    }
}
