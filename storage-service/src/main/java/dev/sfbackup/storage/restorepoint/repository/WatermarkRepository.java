package dev.sfbackup.storage.restorepoint.repository;

import dev.sfbackup.api.storage.Watermark;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

@ApplicationScoped
public class WatermarkRepository {

    private final DataSource dataSource;

    public WatermarkRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Keeps the highest value: a late commit of an older read never moves the watermark back. */
    public void raise(UUID policyId, String object, String field, Instant value) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO watermark (policy_id, object, field, value)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (policy_id, object) DO UPDATE SET field = EXCLUDED.field,"
                        + " value = GREATEST(watermark.value, EXCLUDED.value), updated_at = now()")) {
            ps.setObject(1, policyId);
            ps.setString(2, object);
            ps.setString(3, field);
            ps.setTimestamp(4, value == null ? null : Timestamp.from(value));
            ps.executeUpdate();
        }
    }

    public Optional<Watermark> find(UUID policyId, String object) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT field, value FROM watermark WHERE policy_id = ? AND object = ?")) {
            ps.setObject(1, policyId);
            ps.setString(2, object);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp value = rs.getTimestamp(2);
                return Optional.of(new Watermark(policyId, object, rs.getString(1), value == null ? null : value.toInstant()));
            }
        }
    }
}
