package dev.sfbackup.storage.restorepoint.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The compression dictionaries of record streams (table record_dictionary): written once, read by id. */
@ApplicationScoped
public class RecordDictionaryRepository {

    private final DataSource dataSource;

    public RecordDictionaryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record StoredDictionary(int id, byte[] dictionary) {
    }

    /** The newest dictionary of the stream, if it has one. */
    public Optional<StoredDictionary> latest(long streamId) throws SQLException {
        return one("SELECT id, dictionary FROM record_dictionary WHERE stream_id = ? ORDER BY id DESC LIMIT 1", streamId);
    }

    public Optional<StoredDictionary> find(int id) throws SQLException {
        return one("SELECT id, dictionary FROM record_dictionary WHERE id = ?", id);
    }

    public int insert(long streamId, byte[] dictionary) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO record_dictionary (stream_id, dictionary) VALUES (?, ?) RETURNING id")) {
            ps.setLong(1, streamId);
            ps.setBytes(2, dictionary);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Optional<StoredDictionary> one(String sql, long key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredDictionary(rs.getInt(1), rs.getBytes(2))) : Optional.empty();
            }
        }
    }
}
