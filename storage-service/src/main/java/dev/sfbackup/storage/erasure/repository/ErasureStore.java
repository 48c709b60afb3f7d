package dev.sfbackup.storage.erasure.repository;

import dev.sfbackup.storage.erasure.ErasureReport.ErasedFile;
import dev.sfbackup.storage.jdbc.JdbcTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** The rows an erasure reads and removes, and the erasure reports it keeps. Callers pass the connection (one transaction). */
@ApplicationScoped
public class ErasureStore {

    private final DataSource dataSource;

    public ErasureStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public interface Work<T> extends JdbcTransactions.Work<T, IOException> {
    }

    /** Runs work in one transaction: all of it is erased, or nothing. */
    public <T> T inTransaction(Work<T> work) throws SQLException, IOException {
        return JdbcTransactions.inTransaction(dataSource, work);
    }

    public List<Long> streams(Connection c, UUID policyId, String object) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM record_stream WHERE policy_id = ? AND object = ? ORDER BY id")) {
            ps.setObject(1, policyId);
            ps.setString(2, object);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    public interface VersionHandler {
        void accept(String recordId, byte[] payload) throws IOException;
    }

    /** Every stored version (tombstones left out) of the streams, through a cursor. */
    public void forEachVersion(Connection c, List<Long> streams, int fetchSize, VersionHandler handler) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT record_id, payload FROM record_version WHERE stream_id = ANY (?) AND NOT tombstone")) {
            ps.setFetchSize(fetchSize);
            ps.setArray(1, c.createArrayOf("bigint", streams.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs.getString(1), rs.getBytes(2));
                }
            }
        }
    }

    /**
     * Deletes every version (tombstones too) of the records; returns per record one entry per version removed: its
     * content hash (hex), null for a tombstone.
     */
    public Map<String, List<String>> deleteVersions(Connection c, List<Long> streams, Collection<String> recordIds) throws SQLException {
        Map<String, List<String>> removed = new LinkedHashMap<>();
        if (streams.isEmpty() || recordIds.isEmpty()) {
            return removed;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM record_version WHERE stream_id = ANY (?)"
                + " AND record_id = ANY (?) RETURNING record_id, content_hash")) {
            ps.setArray(1, c.createArrayOf("bigint", streams.toArray()));
            ps.setArray(2, c.createArrayOf("text", recordIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] hash = rs.getBytes(2);
                    removed.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(hash == null ? null : HexFormat.of().formatHex(hash));
                }
            }
        }
        return removed;
    }

    /** A file to erase and the chunks it was made of. */
    public record FileToErase(ErasedFile file, Set<String> chunks) {
    }

    /** The policy's stored FILE bodies of these Salesforce ids, in every restore point. */
    public List<FileToErase> files(Connection c, UUID policyId, Collection<String> sourceIds) throws SQLException {
        List<FileToErase> files = new ArrayList<>();
        if (sourceIds.isEmpty()) {
            return files;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT f.id, f.source_id, f.sha256, f.restore_point_id, f.repository_id,"
                + " array(SELECT DISTINCT chunk_id FROM stored_file_chunk k WHERE k.file_id = f.id)"
                + " FROM stored_file f JOIN restore_point p ON p.id = f.restore_point_id"
                + " WHERE p.policy_id = ? AND f.kind = 'FILE' AND f.source_id = ANY (?) ORDER BY f.source_id, p.seq")) {
            ps.setObject(1, policyId);
            ps.setArray(2, c.createArrayOf("text", sourceIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array chunks = rs.getArray(6);
                    files.add(new FileToErase(new ErasedFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)), Set.of((String[]) chunks.getArray())));
                }
            }
        }
        return files;
    }

    public void deleteFiles(Connection c, List<UUID> fileIds) throws SQLException {
        if (fileIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM stored_file WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", fileIds.toArray()));
            ps.executeUpdate();
        }
    }

    public void insert(Connection c, UUID id, UUID policyId, String object, String criterion, String requestedBy,
            Instant requestedAt, String report) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO erasure (id, policy_id, object, criterion, requested_by,"
                + " requested_at, report) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            ps.setObject(1, id);
            ps.setObject(2, policyId);
            ps.setString(3, object);
            ps.setString(4, criterion);
            ps.setString(5, requestedBy);
            ps.setTimestamp(6, Timestamp.from(requestedAt));
            ps.setString(7, report);
            ps.executeUpdate();
        }
    }

    /** Stores the report; completedAt stays null while the erasure owes a repository rewrite. */
    public void complete(UUID id, Instant completedAt, String report) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE erasure SET completed_at = ?, report = ?::jsonb WHERE id = ?")) {
            ps.setTimestamp(1, completedAt == null ? null : Timestamp.from(completedAt));
            ps.setString(2, report);
            ps.setObject(3, id);
            ps.executeUpdate();
        }
    }

    /** The stored report JSON and the erasure's policy. */
    public record StoredErasure(UUID policyId, String report) {
    }

    public Optional<StoredErasure> find(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT policy_id, report::text FROM erasure WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredErasure(rs.getObject(1, UUID.class), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** A repository rewrite an erasure still owes: the manifests to delete and the chunks to remove. */
    public record PendingRewrite(UUID erasureId, UUID repositoryId, List<UUID> fileIds, Set<String> chunks) {
    }

    public void addPending(PendingRewrite pending) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO erasure_pending (erasure_id, repository_id, file_ids, chunk_ids)"
                        + " VALUES (?, ?, ?, ?)")) {
            ps.setObject(1, pending.erasureId());
            ps.setObject(2, pending.repositoryId());
            ps.setArray(3, c.createArrayOf("uuid", pending.fileIds().toArray()));
            ps.setArray(4, c.createArrayOf("text", pending.chunks().toArray()));
            ps.executeUpdate();
        }
    }

    /** Every rewrite still owed, oldest erasure first. */
    public List<PendingRewrite> pending() throws SQLException {
        List<PendingRewrite> pending = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT p.erasure_id, p.repository_id, p.file_ids, p.chunk_ids FROM erasure_pending p"
                        + " JOIN erasure e ON e.id = p.erasure_id ORDER BY e.requested_at, p.repository_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                pending.add(new PendingRewrite(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        List.of((UUID[]) rs.getArray(3).getArray()), Set.of((String[]) rs.getArray(4).getArray())));
            }
        }
        return pending;
    }

    /** Marks one rewrite done (deleted) or failed once more; answers how many rewrites the erasure still owes. */
    public int settlePending(PendingRewrite pending, boolean done) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(done
                    ? "DELETE FROM erasure_pending WHERE erasure_id = ? AND repository_id = ?"
                    : "UPDATE erasure_pending SET attempts = attempts + 1 WHERE erasure_id = ? AND repository_id = ?")) {
                ps.setObject(1, pending.erasureId());
                ps.setObject(2, pending.repositoryId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM erasure_pending WHERE erasure_id = ?")) {
                ps.setObject(1, pending.erasureId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }
    }

    /** Erasures not completed that owe no repository rewrite: what they lack is a dictionary replacement. */
    public List<UUID> incompleteWithoutPending() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT e.id FROM erasure e WHERE e.completed_at IS NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM erasure_pending p WHERE p.erasure_id = e.id) ORDER BY e.requested_at");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
