package dev.sfbackup.security.audit;

import dev.sfbackup.api.audit.AuditEventView;
import dev.sfbackup.api.audit.AuditOutcome;
import dev.sfbackup.api.audit.AuditPage;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit_event table (migration V100, shipped by backup-security). Appends run in their own autocommit transaction,
 * so an entry stays even when the audited request's own transaction rolls back.
 */
@ApplicationScoped
public class AuditLog {

    private static final String COLUMNS = "id, at, actor_subject, actor_name, actor_client, role, action, method, target,"
            + " outcome, status, request_id, details";

    private final DataSource dataSource;

    public AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Filters of a search; null means any. actor matches the subject or the name. */
    public record Filter(String actor, String action, AuditOutcome outcome, Instant from, Instant to) {
    }

    /** Stores the event; its id is assigned here. */
    public void append(AuditEventView event) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (at, actor_subject, actor_name, actor_client,"
                        + " role, action, method, target, outcome, status, request_id, details)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(event.at()));
            ps.setString(2, event.actorSubject());
            ps.setString(3, event.actorName());
            ps.setString(4, event.actorClient());
            ps.setString(5, event.role());
            ps.setString(6, event.action());
            ps.setString(7, event.method());
            ps.setString(8, event.target());
            ps.setString(9, event.outcome().name());
            ps.setInt(10, event.status());
            ps.setString(11, event.requestId());
            if (event.details() == null) {
                ps.setNull(12, Types.VARCHAR);
            } else {
                ps.setString(12, event.details());
            }
            ps.executeUpdate();
        }
    }

    public AuditPage search(Filter filter, int page, int size) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        try (Connection c = dataSource.getConnection()) {
            List<AuditEventView> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_event" + where
                    + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")) {
                int i = bind(ps, args);
                ps.setInt(i++, size);
                ps.setLong(i, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_event" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new AuditPage(items, page, size, rs.getLong(1));
                }
            }
        }
    }

    /** Deletes the events older than the instant; returns how many. */
    public long purgeBefore(Instant before) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM audit_event WHERE at < ?")) {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        }
    }

    private static String where(Filter filter, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter.actor() != null) {
            conditions.add("(actor_subject = ? OR actor_name = ?)");
            args.add(filter.actor());
            args.add(filter.actor());
        }
        if (filter.action() != null) {
            conditions.add("action = ?");
            args.add(filter.action());
        }
        if (filter.outcome() != null) {
            conditions.add("outcome = ?");
            args.add(filter.outcome().name());
        }
        if (filter.from() != null) {
            conditions.add("at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object arg : args) {
            ps.setObject(i++, arg);
        }
        return i;
    }

    private static AuditEventView read(ResultSet rs) throws SQLException {
        return new AuditEventView(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor_subject"),
                rs.getString("actor_name"), rs.getString("actor_client"), rs.getString("role"), rs.getString("action"),
                rs.getString("method"), rs.getString("target"), AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getInt("status"), rs.getString("request_id"), rs.getString("details"));
    }
}
