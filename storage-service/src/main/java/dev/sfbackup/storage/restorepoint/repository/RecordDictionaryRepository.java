package dev.sfbackup.storage.restorepoint.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The compression dictionaries of record streams (table record_dictionary) and the records each was trained from
 * (record_dictionary_sample): written once, read by id, retired by an erasure that hits a sample.
 */
@ApplicationScoped
public class RecordDictionaryRepository {

    private final DataSource dataSource;

    public RecordDictionaryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record StoredDictionary(int id, byte[] dictionary) {
    }

    /**
     * The id of the newest dictionary of the stream that no erasure retired, locked FOR KEY SHARE until the caller's
     * transaction ends: a replacement waits for the payloads written with it before it re-encodes (see
     * DictionaryReplacement).
     */
    public Optional<Integer> liveForWriting(long streamId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM record_dictionary"
                + " WHERE stream_id = ? AND retired_at IS NULL ORDER BY id DESC LIMIT 1 FOR KEY SHARE")) {
            ps.setLong(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    public Optional<StoredDictionary> find(int id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, dictionary FROM record_dictionary WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredDictionary(rs.getInt(1), rs.getBytes(2))) : Optional.empty();
            }
        }
    }

    /** A record version a dictionary was trained from: the record's id and the seq of the point it came with. */
    public record SampleKey(String recordId, long seq) {
    }

    /** Stores a dictionary and, unless it was trained on masked records, the record versions it was trained from. */
    public int insert(long streamId, byte[] dictionary, boolean masked, List<SampleKey> samples) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return insert(c, streamId, dictionary, masked, samples);
        }
    }

    public static int insert(Connection c, long streamId, byte[] dictionary, boolean masked, List<SampleKey> samples)
            throws SQLException {
        int id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO record_dictionary (stream_id, dictionary, masked) VALUES (?, ?, ?) RETURNING id")) {
            ps.setLong(1, streamId);
            ps.setBytes(2, dictionary);
            ps.setBoolean(3, masked);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getInt(1);
            }
        }
        if (!samples.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_dictionary_sample (dictionary_id, record_id, seq)"
                    + " SELECT ?, r, s FROM unnest(?::text[], ?::bigint[]) AS t (r, s) ON CONFLICT DO NOTHING")) {
                ps.setInt(1, id);
                ps.setArray(2, c.createArrayOf("text", samples.stream().map(SampleKey::recordId).toArray()));
                ps.setArray(3, c.createArrayOf("bigint", samples.stream().map(SampleKey::seq).toArray()));
                ps.executeUpdate();
            }
        }
        return id;
    }
}
