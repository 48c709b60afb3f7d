package dev.sfbackup.storage.restorepoint.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of replacing retired dictionaries: which are retired, what their remaining samples are, and the payloads
 * that name one. Callers pass the connection (their transaction).
 */
@ApplicationScoped
public class RetiredDictionaryStore {

    public record Retired(int id, long streamId) {
    }

    /** A stored version of a record: its key and its payload. */
    public record StoredPayload(String recordId, long seq, byte[] payload) {
    }

    /**
     * Retires (in the erasure's transaction) every live or retired dictionary of the streams that was trained on one of
     * the records, and drops those records from every sample list; returns the dictionaries retired now.
     */
    public static List<Integer> retireTrainedOn(Connection c, List<Long> streams, Collection<String> recordIds) throws SQLException {
        List<Integer> retired = new ArrayList<>();
        if (streams.isEmpty() || recordIds.isEmpty()) {
            return retired;
        }
        lockStreams(c, streams);
        try (PreparedStatement ps = c.prepareStatement("UPDATE record_dictionary d SET retired_at = now()"
                + " WHERE d.stream_id = ANY (?) AND d.retired_at IS NULL AND EXISTS (SELECT 1 FROM record_dictionary_sample s"
                + " WHERE s.dictionary_id = d.id AND s.record_id = ANY (?)) RETURNING d.id")) {
            ps.setArray(1, c.createArrayOf("bigint", streams.toArray()));
            ps.setArray(2, c.createArrayOf("text", recordIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    retired.add(rs.getInt(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM record_dictionary_sample s USING record_dictionary d"
                + " WHERE d.id = s.dictionary_id AND d.stream_id = ANY (?) AND s.record_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", streams.toArray()));
            ps.setArray(2, c.createArrayOf("text", recordIds.toArray()));
            ps.executeUpdate();
        }
        return retired;
    }

    /**
     * Serialises erasures and dictionary training of the streams (row locks on record_stream that batches, which only
     * reference the stream, do not wait for), so a replacement is never trained on a record an erasure removes.
     */
    public static void lockStreams(Connection c, List<Long> streams) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM record_stream WHERE id = ANY (?) ORDER BY id FOR NO KEY UPDATE")) {
            ps.setArray(1, c.createArrayOf("bigint", streams.toArray()));
            ps.executeQuery().close();
        }
    }

    public List<Retired> retired(Connection c) throws SQLException {
        List<Retired> retired = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, stream_id FROM record_dictionary WHERE retired_at IS NOT NULL ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                retired.add(new Retired(rs.getInt(1), rs.getLong(2)));
            }
        }
        return retired;
    }

    /** Waits until no transaction writes with the dictionary any more (they hold it FOR KEY SHARE); false when it is gone. */
    public boolean awaitWriters(Connection c, int dictionaryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM record_dictionary WHERE id = ? FOR UPDATE")) {
            ps.setInt(1, dictionaryId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The stream's newest live dictionary, held FOR KEY SHARE (a payload is about to be written with it). */
    public Optional<Integer> live(Connection c, long streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM record_dictionary WHERE stream_id = ? AND retired_at IS NULL"
                + " ORDER BY id DESC LIMIT 1 FOR KEY SHARE")) {
            ps.setLong(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /** The newest stored version of each record the dictionary still lists as a sample. */
    public List<StoredPayload> remainingSamples(Connection c, int dictionaryId, long streamId, int limit) throws SQLException {
        return payloads(c, "SELECT DISTINCT ON (v.record_id) v.record_id, v.seq, v.payload FROM record_dictionary_sample s"
                + " JOIN record_version v ON v.stream_id = ? AND v.record_id = s.record_id AND NOT v.tombstone"
                + " WHERE s.dictionary_id = ? ORDER BY v.record_id, v.seq DESC LIMIT ?", ps -> {
                    ps.setLong(1, streamId);
                    ps.setInt(2, dictionaryId);
                    ps.setInt(3, limit);
                });
    }

    /** Stored versions of the stream, for a masked dictionary when too few samples remain. */
    public List<StoredPayload> anyVersions(Connection c, long streamId, int limit) throws SQLException {
        return payloads(c, "SELECT record_id, seq, payload FROM record_version WHERE stream_id = ? AND NOT tombstone LIMIT ?", ps -> {
            ps.setLong(1, streamId);
            ps.setInt(2, limit);
        });
    }

    /** The next payloads (in key order, after the given key) that start with the prefix: those a dictionary compressed. */
    public List<StoredPayload> naming(Connection c, long streamId, byte[] prefix, String afterRecord, long afterSeq, int limit)
            throws SQLException {
        return payloads(c, "SELECT record_id, seq, payload FROM record_version WHERE stream_id = ? AND (record_id, seq) > (?, ?)"
                + " AND NOT tombstone AND substring(payload from 1 for ?) = ? ORDER BY record_id, seq LIMIT ?", ps -> {
                    ps.setLong(1, streamId);
                    ps.setString(2, afterRecord);
                    ps.setLong(3, afterSeq);
                    ps.setInt(4, prefix.length);
                    ps.setBytes(5, prefix);
                    ps.setInt(6, limit);
                });
    }

    /** Replaces payloads that still start with the prefix; returns how many were replaced. */
    public int replace(Connection c, long streamId, byte[] prefix, List<StoredPayload> payloads) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE record_version SET payload = ? WHERE stream_id = ? AND record_id = ?"
                + " AND seq = ? AND substring(payload from 1 for ?) = ?")) {
            for (StoredPayload payload : payloads) {
                ps.setBytes(1, payload.payload());
                ps.setLong(2, streamId);
                ps.setString(3, payload.recordId());
                ps.setLong(4, payload.seq());
                ps.setInt(5, prefix.length);
                ps.setBytes(6, prefix);
                ps.addBatch();
            }
            int replaced = 0;
            for (int n : ps.executeBatch()) {
                replaced += Math.max(n, 0);
            }
            return replaced;
        }
    }

    /** Deletes the dictionary (its sample list goes with it); false when it was deleted already. */
    public boolean delete(Connection c, int dictionaryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM record_dictionary WHERE id = ?")) {
            ps.setInt(1, dictionaryId);
            return ps.executeUpdate() > 0;
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<StoredPayload> payloads(Connection c, String sql, Binder binder) throws SQLException {
        List<StoredPayload> payloads = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payloads.add(new StoredPayload(rs.getString(1), rs.getLong(2), rs.getBytes(3)));
                }
            }
        }
        return payloads;
    }
}
