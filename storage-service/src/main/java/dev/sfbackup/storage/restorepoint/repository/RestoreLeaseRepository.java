package dev.sfbackup.storage.restorepoint.repository;

import dev.sfbackup.api.storage.RestoreLeaseView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

@ApplicationScoped
public class RestoreLeaseRepository {

    private final DataSource dataSource;

    public RestoreLeaseRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public RestoreLeaseView insert(UUID restorePointId, String holder, Instant expiresAt) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO restore_lease (id, restore_point_id, holder,"
                        + " expires_at) VALUES (?, ?, ?, ?) RETURNING id, restore_point_id, holder, created_at, expires_at")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, restorePointId);
            ps.setString(3, holder);
            ps.setTimestamp(4, Timestamp.from(expiresAt));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new RestoreLeaseView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
            }
        }
    }

    public boolean delete(UUID restorePointId, UUID leaseId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM restore_lease WHERE id = ? AND restore_point_id = ?")) {
            ps.setObject(1, leaseId);
            ps.setObject(2, restorePointId);
            return ps.executeUpdate() > 0;
        }
    }
}
