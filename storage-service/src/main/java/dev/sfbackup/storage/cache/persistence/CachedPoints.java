package dev.sfbackup.storage.cache.persistence;

import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.cache.CachedRestorePointView;
import dev.sfbackup.api.storage.cache.StorageLocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The cache columns of restore_point: where a point's files live, why it went to the cache, when it was uploaded. */
@ApplicationScoped
public class CachedPoints {

    /** A point's placement as seen under its row lock. */
    public record Placement(StorageLocation location, Instant repositoryLostAt, boolean hasFiles) {
    }

    /** A point waiting in the cache. */
    public record Waiting(UUID id, RestorePointState state, StorageLocation location) {
    }

    private final EntityManager entityManager;

    public CachedPoints(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Placement> lockPlacement(UUID restorePointId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT location, repository_lost_at, EXISTS (SELECT 1 FROM stored_file f WHERE f.restore_point_id = p.id)
                        FROM restore_point p WHERE id = ?1 FOR UPDATE""")
                .setParameter(1, restorePointId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.getFirst();
        return Optional.of(new Placement(StorageLocation.valueOf((String) row[0]), instant(row[1]), (Boolean) row[2]));
    }

    public Optional<StorageLocation> location(UUID restorePointId) {
        return entityManager.createNativeQuery("SELECT location FROM restore_point WHERE id = ?1")
                .setParameter(1, restorePointId).getResultStream().findFirst().map(l -> StorageLocation.valueOf((String) l));
    }

    /** True when another point of the repository still waits in the cache: then new points go to the cache too. */
    public boolean othersWaiting(UUID repositoryId, UUID restorePointId) {
        Number count = (Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM restore_point WHERE repository_id = ?1 AND id <> ?2
                        AND location IN ('CACHE', 'UPLOADING') AND state <> 'DISCARDED'""")
                .setParameter(1, repositoryId).setParameter(2, restorePointId).getSingleResult();
        return count.longValue() > 0;
    }

    public void moveToCache(UUID restorePointId, String reason) {
        entityManager.createNativeQuery("""
                        UPDATE restore_point SET location = 'CACHE', cache_reason = ?2, cached_at = now() WHERE id = ?1""")
                .setParameter(1, restorePointId).setParameter(2, reason).executeUpdate();
    }

    /**
     * Forgets the point's stored files (their packs stay in the repository for GC) and marks its transfer as started
     * over; returns how many files were forgotten.
     */
    public int restartTransfer(UUID restorePointId) {
        entityManager.createNativeQuery("UPDATE restore_point SET transfer_restarted_at = now() WHERE id = ?1")
                .setParameter(1, restorePointId).executeUpdate();
        return entityManager.createNativeQuery("DELETE FROM stored_file WHERE restore_point_id = ?1")
                .setParameter(1, restorePointId).executeUpdate();
    }

    public boolean transferRestarted(UUID restorePointId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM restore_point WHERE id = ?1 AND transfer_restarted_at IS NOT NULL")
                .setParameter(1, restorePointId).getResultList().isEmpty();
    }

    public void setRepositoryLostAt(UUID restorePointId, Instant lostAt) {
        entityManager.createNativeQuery("UPDATE restore_point SET repository_lost_at = ?2 WHERE id = ?1")
                .setParameter(1, restorePointId).setParameter(2, lostAt == null ? null : OffsetDateTime.ofInstant(lostAt, java.time.ZoneOffset.UTC))
                .executeUpdate();
    }

    public void setLocation(UUID restorePointId, StorageLocation location) {
        entityManager.createNativeQuery("""
                        UPDATE restore_point SET location = ?2,
                        uploaded_at = CASE WHEN ?2 = 'REPOSITORY' THEN now() ELSE uploaded_at END WHERE id = ?1""")
                .setParameter(1, restorePointId).setParameter(2, location.name()).executeUpdate();
    }

    /** A discarded point leaves the cache without an upload. */
    public void dropDiscarded(UUID restorePointId) {
        entityManager.createNativeQuery("UPDATE restore_point SET location = 'REPOSITORY' WHERE id = ?1 AND state = 'DISCARDED'")
                .setParameter(1, restorePointId).executeUpdate();
    }

    /** The oldest point of the repository still in the cache (uploads go oldest first). */
    public Optional<Waiting> oldestWaiting(UUID repositoryId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT id, state, location FROM restore_point WHERE repository_id = ?1 AND location IN ('CACHE', 'UPLOADING')
                        ORDER BY seq LIMIT 1""")
                .setParameter(1, repositoryId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.getFirst();
        return Optional.of(new Waiting((UUID) row[0], RestorePointState.valueOf((String) row[1]), StorageLocation.valueOf((String) row[2])));
    }

    public long countWaiting(UUID repositoryId) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM restore_point WHERE repository_id = ?1 AND location IN ('CACHE', 'UPLOADING')")
                .setParameter(1, repositoryId).getSingleResult()).longValue();
    }

    /** Every point of the repository that ever used the cache, oldest first. */
    public List<CachedRestorePointView> listCached(UUID repositoryId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT p.id, p.policy_id, p.state, p.location, p.cache_reason, p.cached_at, p.uploaded_at,
                               (SELECT count(*) FROM stored_file f WHERE f.restore_point_id = p.id)
                        FROM restore_point p WHERE p.repository_id = ?1 AND p.cached_at IS NOT NULL ORDER BY p.seq""")
                .setParameter(1, repositoryId).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(row -> new CachedRestorePointView((UUID) row[0], (UUID) row[1],
                RestorePointState.valueOf((String) row[2]), StorageLocation.valueOf((String) row[3]), (String) row[4],
                instant(row[5]), instant(row[6]), ((Number) row[7]).longValue())).toList();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
