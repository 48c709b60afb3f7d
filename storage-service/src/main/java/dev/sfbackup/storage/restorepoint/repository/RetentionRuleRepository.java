package dev.sfbackup.storage.restorepoint.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** The retention last asked for each policy, so the scheduled job can re-apply it without asking policy-service. */
@ApplicationScoped
public class RetentionRuleRepository {

    private final DataSource dataSource;

    public RetentionRuleRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(UUID policyId, int retentionDays) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO retention_rule (policy_id, retention_days)"
                        + " VALUES (?, ?) ON CONFLICT (policy_id) DO UPDATE SET retention_days = EXCLUDED.retention_days,"
                        + " updated_at = now()")) {
            ps.setObject(1, policyId);
            ps.setInt(2, retentionDays);
            ps.executeUpdate();
        }
    }

    public Map<UUID, Integer> all() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT policy_id, retention_days FROM retention_rule");
                ResultSet rs = ps.executeQuery()) {
            Map<UUID, Integer> rules = new LinkedHashMap<>();
            while (rs.next()) {
                rules.put(rs.getObject(1, UUID.class), rs.getInt(2));
            }
            return rules;
        }
    }
}
