package dev.sfbackup.storage.repository.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The rows through which storage-service instances coordinate their writes to a shared repository (V141): leases with
 * an expiry, the index generation and the first sighting of unindexed packs. Every statement commits on its own, in a
 * transaction of its own, so other instances see it at once whatever transaction the caller is in.
 */
@ApplicationScoped
public class RepositoryLeases {

    public enum Purpose { STORE, GC, CACHE_UPLOAD }

    private final DataSource dataSource;

    public RepositoryLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private interface Statement<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T committed(Statement<T> statement) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return statement.run(connection);
            }
        });
    }

    /**
     * Takes the lease unless another unexpired one excludes it: a STORE lease is excluded by a GC lease; GC and
     * CACHE_UPLOAD leases by an unexpired lease of the same purpose (expired ones are removed first).
     */
    public boolean tryAcquire(UUID repositoryId, Purpose purpose, String holder, Instant now, Instant expiresAt) {
        return committed(connection -> {
            try (PreparedStatement expired = connection.prepareStatement(
                    "DELETE FROM repository_lease WHERE repository_id = ? AND expires_at < ?")) {
                expired.setObject(1, repositoryId);
                expired.setTimestamp(2, Timestamp.from(now));
                expired.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO repository_lease (repository_id, holder, purpose, expires_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")) {
                insert.setObject(1, repositoryId);
                insert.setString(2, holder);
                insert.setString(3, purpose.name());
                insert.setTimestamp(4, Timestamp.from(expiresAt));
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** Whether an unexpired lease of {@code purpose} other than {@code holder}'s exists. */
    public boolean held(UUID repositoryId, Purpose purpose, String exceptHolder, Instant now) {
        return committed(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM repository_lease WHERE repository_id = ?"
                    + " AND purpose = ? AND holder <> ? AND expires_at >= ? LIMIT 1")) {
                query.setObject(1, repositoryId);
                query.setString(2, purpose.name());
                query.setString(3, exceptHolder);
                query.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** Extends the holder's lease; false when it is gone (expired and taken over). */
    public boolean renew(UUID repositoryId, String holder, Instant expiresAt) {
        return committed(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE repository_lease SET expires_at = ? WHERE repository_id = ? AND holder = ?")) {
                update.setTimestamp(1, Timestamp.from(expiresAt));
                update.setObject(2, repositoryId);
                update.setString(3, holder);
                return update.executeUpdate() == 1;
            }
        });
    }

    public void release(UUID repositoryId, String holder) {
        committed(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM repository_lease WHERE repository_id = ? AND holder = ?")) {
                delete.setObject(1, repositoryId);
                delete.setString(2, holder);
                return delete.executeUpdate();
            }
        });
    }

    public long generation(UUID repositoryId) {
        return committed(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT generation FROM repository_index_generation WHERE repository_id = ?")) {
                query.setObject(1, repositoryId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    public long advanceGeneration(UUID repositoryId) {
        return committed(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO repository_index_generation"
                    + " (repository_id, generation) VALUES (?, 1) ON CONFLICT (repository_id) DO UPDATE"
                    + " SET generation = repository_index_generation.generation + 1 RETURNING generation")) {
                upsert.setObject(1, repositoryId);
                try (ResultSet rows = upsert.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    public Instant firstSeenUnindexed(UUID repositoryId, String packName, Instant now) {
        return committed(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO unindexed_pack (repository_id, name,"
                    + " first_seen_at) VALUES (?, ?, ?) ON CONFLICT (repository_id, name)"
                    + " DO UPDATE SET first_seen_at = unindexed_pack.first_seen_at RETURNING first_seen_at")) {
                upsert.setObject(1, repositoryId);
                upsert.setString(2, packName);
                upsert.setTimestamp(3, Timestamp.from(now));
                try (ResultSet rows = upsert.executeQuery()) {
                    rows.next();
                    return rows.getTimestamp(1).toInstant();
                }
            }
        });
    }

    public void retainUnindexed(UUID repositoryId, Set<String> stillUnindexed) {
        committed(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM unindexed_pack WHERE repository_id = ? AND NOT (name = ANY (?))")) {
                delete.setObject(1, repositoryId);
                delete.setArray(2, connection.createArrayOf("text", stillUnindexed.toArray()));
                return delete.executeUpdate();
            }
        });
    }
}
