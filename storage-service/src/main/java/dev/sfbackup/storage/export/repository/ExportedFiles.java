package dev.sfbackup.storage.export.repository;

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

/** The file bodies and metadata packages of a policy as of a time, for an export. Only COMMITTED points count. */
@ApplicationScoped
public class ExportedFiles {

    /** A stored file to put in an export: its id, the Salesforce id (or package name), its name and content hash. */
    public record ExportedFile(UUID id, String sourceId, String name, String sha256) {
    }

    private final DataSource dataSource;

    public ExportedFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Every file body stored by the policy's FILE points committed by then, the newest copy of each source id: file
     * points of incremental runs hold only what changed, so the files as of a time are the union of all earlier ones.
     */
    public List<ExportedFile> filesAsOf(UUID policyId, Instant asOf) throws SQLException {
        return list("SELECT DISTINCT ON (f.source_id) f.id, f.source_id, f.name, f.sha256 FROM stored_file f"
                + " JOIN restore_point p ON p.id = f.restore_point_id WHERE p.policy_id = ? AND p.state = 'COMMITTED'"
                + " AND p.committed_at <= ? AND f.kind = 'FILE' ORDER BY f.source_id, p.seq DESC", policyId, asOf);
    }

    /** The metadata packages of the newest METADATA point committed by then (each run stores the whole set). */
    public List<ExportedFile> metadataAsOf(UUID policyId, Instant asOf) throws SQLException {
        return list("SELECT f.id, f.source_id, f.name, f.sha256 FROM stored_file f WHERE f.kind = 'METADATA' AND f.restore_point_id = ("
                + " SELECT p.id FROM restore_point p WHERE p.policy_id = ? AND p.state = 'COMMITTED' AND p.committed_at <= ?"
                + " AND EXISTS (SELECT 1 FROM stored_file m WHERE m.restore_point_id = p.id AND m.kind = 'METADATA')"
                + " ORDER BY p.seq DESC LIMIT 1) ORDER BY f.source_id", policyId, asOf);
    }

    private List<ExportedFile> list(String sql, UUID policyId, Instant asOf) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, policyId);
            ps.setTimestamp(2, Timestamp.from(asOf));
            List<ExportedFile> files = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(new ExportedFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return files;
        }
    }
}
