package dev.sfbackup.storage.restorepoint.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The field names records of a stream have had a value in, by the seq of the point that brought them (table
 * record_field): what a CSV read's header is made of. Rows are never removed, not with a discarded or expired point
 * either: a later point's batch records only the names the rows below its seq lack.
 */
@ApplicationScoped
public class RecordFieldRepository {

    private final DataSource dataSource;

    public RecordFieldRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the names of a batch of the point with seq pointSeq, in the caller's transaction: only those that no row
     * at or below that seq holds yet, and no row when there is none (parallel batches may both write a new name).
     */
    public void record(long streamId, long pointSeq, Collection<String> names) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO record_field (stream_id, seq, fields) SELECT ?, ?, n.fields FROM (SELECT array("
                        + "SELECT unnest(?::text[]) EXCEPT SELECT unnest(fields) FROM record_field WHERE stream_id = ? AND seq <= ?"
                        + ") AS fields) n WHERE cardinality(n.fields) > 0")) {
            ps.setLong(1, streamId);
            ps.setLong(2, pointSeq);
            ps.setArray(3, c.createArrayOf("text", names.toArray()));
            ps.setLong(4, streamId);
            ps.setLong(5, pointSeq);
            ps.executeUpdate();
        }
    }

    /**
     * Every field name records of the stream had a value in as of the point, sorted; empty when the stream holds
     * records stored before names were recorded (the caller has to read them).
     */
    public Optional<SortedSet<String>> asOf(Connection c, long streamId, long pointSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.fields_recorded, f.fields FROM record_stream s"
                + " LEFT JOIN record_field f ON f.stream_id = s.id AND f.seq <= ? WHERE s.id = ?")) {
            ps.setLong(1, pointSeq);
            ps.setLong(2, streamId);
            SortedSet<String> names = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean(1)) {
                        return Optional.empty();
                    }
                    Array fields = rs.getArray(2);
                    if (fields != null) {
                        for (Object name : (Object[]) fields.getArray()) {
                            names.add((String) name);
                        }
                    }
                }
            }
            return Optional.of(names);
        }
    }
}
