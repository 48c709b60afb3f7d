package dev.sfbackup.storage.file.persistence;

import dev.sfbackup.api.storage.repository.PolicyFileView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The file bodies of a policy as of a time, for a restore: FILE points of incremental runs hold only what changed, so
 * the files then are the newest copy of each source id among the COMMITTED FILE points committed by then.
 */
@ApplicationScoped
public class PolicyFiles {

    private final DataSource dataSource;

    public PolicyFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<PolicyFileView> asOf(UUID policyId, Instant asOf) throws SQLException {
        String sql = "SELECT DISTINCT ON (f.source_id) f.id, f.restore_point_id, f.source_id, f.name, f.size, f.sha256"
                + " FROM stored_file f JOIN restore_point p ON p.id = f.restore_point_id"
                + " WHERE p.policy_id = ? AND p.state = 'COMMITTED' AND p.committed_at <= ? AND f.kind = 'FILE'"
                + " ORDER BY f.source_id, p.seq DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, policyId);
            ps.setTimestamp(2, Timestamp.from(asOf));
            List<PolicyFileView> files = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(new PolicyFileView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getString(6)));
                }
            }
            return files;
        }
    }
}
