package dev.sfbackup.storage.restorepoint.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** Which org connection restore points, their files and their policies belong to, for callers limited to some orgs. */
@ApplicationScoped
public class PointConnections {

    private final DataSource dataSource;

    public PointConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the point exists and belongs to one of the connections. */
    public boolean pointWithin(UUID pointId, Set<UUID> connections) throws SQLException {
        return exists("SELECT 1 FROM restore_point WHERE id = ? AND connection_id = ANY (?)", pointId, connections);
    }

    /** Whether the file exists and its point belongs to one of the connections. */
    public boolean fileWithin(UUID fileId, Set<UUID> connections) throws SQLException {
        return exists("SELECT 1 FROM stored_file f JOIN restore_point p ON p.id = f.restore_point_id"
                + " WHERE f.id = ? AND p.connection_id = ANY (?)", fileId, connections);
    }

    /**
     * Whether every point of the policy belongs to one of the connections (a policy moved to another org keeps its older
     * points in the first one: then only callers of both see it). A policy without points holds nothing to see.
     */
    public boolean policyWithin(UUID policyId, Set<UUID> connections) throws SQLException {
        return !exists("SELECT 1 FROM restore_point WHERE policy_id = ?"
                + " AND (connection_id IS NULL OR NOT connection_id = ANY (?)) LIMIT 1", policyId, connections);
    }

    private boolean exists(String sql, UUID id, Set<UUID> connections) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.setArray(2, c.createArrayOf("uuid", connections.toArray(UUID[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
