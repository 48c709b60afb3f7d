package dev.sfbackup.storage.restorepoint.repository;

import dev.sfbackup.api.storage.BatchResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Makes ingest calls idempotent per (point, kind of call, seq): the first call claims the row in its transaction. */
@ApplicationScoped
public class IngestedBatchRepository {

    public enum Kind {
        RECORDS, DELETIONS, END_OF_FULL_SCAN
    }

    private final DataSource dataSource;

    public IngestedBatchRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this call is the first with this seq; a concurrent twin waits here until the first one ends. */
    public boolean claim(UUID pointId, Kind kind, long seq) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO ingested_batch (restore_point_id, kind, seq)"
                        + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, pointId);
            ps.setString(2, kind.name());
            ps.setLong(3, seq);
            return ps.executeUpdate() == 1;
        }
    }

    public void record(UUID pointId, Kind kind, BatchResult result, long bytes) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE ingested_batch SET received = ?, records_new = ?,"
                        + " records_changed = ?, records_unchanged = ?, records_deleted = ?, bytes = ?"
                        + " WHERE restore_point_id = ? AND kind = ? AND seq = ?")) {
            ps.setLong(1, result.received());
            ps.setLong(2, result.recordsNew());
            ps.setLong(3, result.recordsChanged());
            ps.setLong(4, result.recordsUnchanged());
            ps.setLong(5, result.recordsDeleted());
            ps.setLong(6, bytes);
            ps.setObject(7, pointId);
            ps.setString(8, kind.name());
            ps.setLong(9, result.seq());
            ps.executeUpdate();
        }
    }

    /** The result of the first call, reported again to a retry. */
    public BatchResult earlier(UUID pointId, Kind kind, long seq) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT received, records_new, records_changed,"
                        + " records_unchanged, records_deleted FROM ingested_batch"
                        + " WHERE restore_point_id = ? AND kind = ? AND seq = ?")) {
            ps.setObject(1, pointId);
            ps.setString(2, kind.name());
            ps.setLong(3, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new BatchResult(seq, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), true);
            }
        }
    }
}
