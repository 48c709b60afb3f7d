package dev.sfbackup.storage.restorepoint.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RestorePointCounters;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.cache.StorageLocation;
import dev.sfbackup.storage.restorepoint.RestorePoint;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Restore points over plain JDBC: the record version work next door needs COPY and server-side cursors on the same
 * connection, so this area keeps one access style. Callers own the transaction.
 */
@ApplicationScoped
public class RestorePointRepository {

    private static final List<String> COUNTERS =
            List.of("records_new", "records_changed", "records_deleted", "records_unchanged", "bytes");

    /** Columns of a point aliased p; an OPEN point's counters are summed from its batches so far. */
    static final String COLUMNS = "p.id, p.seq, p.policy_id, p.session_id, p.org_id, p.object, p.kind, p.state,"
            + " p.repository_id, p.stream_id, p.created_at, p.committed_at, " + String.join(", ", COUNTERS.stream()
                    .map(c -> "CASE WHEN p.state = 'OPEN' THEN (SELECT coalesce(sum(b." + c + "), 0) FROM ingested_batch b"
                            + " WHERE b.restore_point_id = p.id) ELSE p." + c + " END AS " + c)
                    .toList())
            + ", p.location, p.cache_reason, p.cached_at";

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public RestorePointRepository(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** The version chain of (policy, org, object), created on first use and locked for the caller's transaction. */
    public long lockStream(UUID policyId, String orgId, String object) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO record_stream (policy_id, org_id, object) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setObject(1, policyId);
                insert.setString(2, orgId);
                insert.setString(3, object);
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id FROM record_stream WHERE policy_id = ? AND org_id = ? AND object = ? FOR UPDATE")) {
                select.setObject(1, policyId);
                select.setString(2, orgId);
                select.setString(3, object);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    public List<UUID> openPointsOfStream(long streamId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM restore_point WHERE stream_id = ? AND state = 'OPEN' ORDER BY seq")) {
            ps.setLong(1, streamId);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    public RestorePoint insert(OpenRestorePoint request, Long streamId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO restore_point AS p (id, policy_id, session_id, org_id,"
                        + " object, kind, state, repository_id, object_schema, stream_id, connection_id) VALUES (?, ?, ?, ?, ?, ?,"
                        + " 'OPEN', ?, ?::jsonb, ?, ?) RETURNING " + COLUMNS)) {
            ps.setObject(1, request.id() == null ? UUID.randomUUID() : request.id());
            ps.setObject(2, request.policyId());
            ps.setObject(3, request.sessionId());
            ps.setString(4, request.orgId());
            ps.setString(5, request.object());
            ps.setString(6, request.kind().name());
            ps.setObject(7, request.repositoryId());
            ps.setString(8, request.schema() == null ? null : toJson(request.schema()));
            if (streamId == null) {
                ps.setNull(9, Types.BIGINT);
            } else {
                ps.setLong(9, streamId);
            }
            ps.setObject(10, request.connectionId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    public Optional<RestorePoint> find(UUID id) throws SQLException {
        return findOne("SELECT " + COLUMNS + " FROM restore_point p WHERE id = ?", id);
    }

    /** Locks the point against commit and discard while a batch is written into it. */
    public Optional<RestorePoint> findForShare(UUID id) throws SQLException {
        return findOne("SELECT " + COLUMNS + " FROM restore_point p WHERE id = ? FOR SHARE", id);
    }

    public Optional<RestorePoint> findForUpdate(UUID id) throws SQLException {
        return findOne("SELECT " + COLUMNS + " FROM restore_point p WHERE id = ? FOR UPDATE", id);
    }

    public Optional<String> schemaOf(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT object_schema::text FROM restore_point WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Ends an OPEN point, storing the sum of its batches' counters. */
    public RestorePoint changeState(UUID id, RestorePointState state) throws SQLException {
        String committedAt = state == RestorePointState.COMMITTED ? ", committed_at = clock_timestamp()" : "";
        String counters = String.join(", ", COUNTERS.stream().map(c -> c + " = r." + c).toList());
        String sums = String.join(", ", COUNTERS.stream().map(c -> "coalesce(sum(" + c + "), 0) AS " + c).toList());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE restore_point p SET state = ?" + committedAt + ", "
                        + counters + " FROM (SELECT " + sums + " FROM ingested_batch WHERE restore_point_id = ?) r"
                        + " WHERE p.id = ? RETURNING " + COLUMNS)) {
            ps.setString(1, state.name());
            ps.setObject(2, id);
            ps.setObject(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    /** The newest committed point of a stream committed at or before the instant. */
    public Optional<RestorePoint> latestCommittedAt(long streamId, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM restore_point p WHERE stream_id = ?"
                        + " AND state = 'COMMITTED' AND committed_at <= ? ORDER BY seq DESC LIMIT 1")) {
            ps.setLong(1, streamId);
            ps.setTimestamp(2, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Long> streamOf(UUID policyId, String object) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM record_stream WHERE policy_id = ? AND object = ? ORDER BY id DESC LIMIT 1")) {
            ps.setObject(1, policyId);
            ps.setString(2, object);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The describe stored with the point at this position of a stream (null when it has none). */
    public Optional<String> schemaAt(long streamId, long seq) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT object_schema::text FROM restore_point WHERE stream_id = ? AND seq = ?")) {
            ps.setLong(1, streamId);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The objects a policy has backed up, by name. */
    public List<String> objectsOf(UUID policyId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT DISTINCT object FROM record_stream WHERE policy_id = ? ORDER BY object")) {
            ps.setObject(1, policyId);
            List<String> objects = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    objects.add(rs.getString(1));
                }
            }
            return objects;
        }
    }

    /** connections: when present, only points of these org connections. */
    public record Filter(UUID policyId, String object, RestorePointState state, Instant from, Instant to,
            Optional<Set<UUID>> connections) {

        public Filter(UUID policyId, String object, RestorePointState state, Instant from, Instant to) {
            this(policyId, object, state, from, to, Optional.empty());
        }

        public Filter limitedTo(Optional<Set<UUID>> connections) {
            return new Filter(policyId, object, state, from, to, connections);
        }
    }

    public List<RestorePoint> list(Filter filter, int page, int size) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM restore_point p" + where
                        + " ORDER BY seq DESC LIMIT ? OFFSET ?")) {
            int i = bind(ps, args);
            ps.setInt(i++, size);
            ps.setLong(i, (long) page * size);
            List<RestorePoint> points = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(read(rs));
                }
            }
            return points;
        }
    }

    public long count(Filter filter) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM restore_point p" + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String where(Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE state = ?");
        args.add(filter.state().name());
        if (filter.policyId() != null) {
            where.append(" AND policy_id = ?");
            args.add(filter.policyId());
        }
        if (filter.object() != null) {
            where.append(" AND object = ?");
            args.add(filter.object());
        }
        if (filter.from() != null) {
            where.append(" AND created_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND created_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.connections().isPresent()) {
            where.append(" AND connection_id = ANY (?)");
            args.add(filter.connections().get().toArray(UUID[]::new));
        }
        return where.toString();
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object arg : args) {
            if (arg instanceof UUID[] ids) {
                ps.setArray(i++, ps.getConnection().createArrayOf("uuid", ids));
            } else {
                ps.setObject(i++, arg);
            }
        }
        return i;
    }

    private Optional<RestorePoint> findOne(String sql, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static RestorePoint read(ResultSet rs) throws SQLException {
        Timestamp committedAt = rs.getTimestamp("committed_at");
        Timestamp cachedAt = rs.getTimestamp("cached_at");
        long streamId = rs.getLong("stream_id");
        Long stream = rs.wasNull() ? null : streamId;
        return new RestorePoint(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getObject("policy_id", UUID.class),
                rs.getObject("session_id", UUID.class), rs.getString("org_id"), rs.getString("object"),
                RestorePointKind.valueOf(rs.getString("kind")), RestorePointState.valueOf(rs.getString("state")),
                rs.getObject("repository_id", UUID.class), stream, rs.getTimestamp("created_at").toInstant(),
                committedAt == null ? null : committedAt.toInstant(),
                new RestorePointCounters(rs.getLong("records_new"), rs.getLong("records_changed"),
                        rs.getLong("records_deleted"), rs.getLong("records_unchanged"), rs.getLong("bytes")),
                StorageLocation.valueOf(rs.getString("location")), rs.getString("cache_reason"), cachedAt == null ? null : cachedAt.toInstant());
    }

    private String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schema is not serialisable", e);
        }
    }
}
