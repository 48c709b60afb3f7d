package dev.sfbackup.storage.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Restore points waiting in backup caches per repository and policy, and the episodes already alerted (cache_wait_episode). */
@ApplicationScoped
public class CacheWaitEpisodes {

    /** A policy's points in one repository's cache: how many, and since when the oldest waits. */
    public record Waiting(UUID repositoryId, String repositoryName, UUID policyId, long points, Instant oldestCachedAt) {
    }

    private final EntityManager em;

    public CacheWaitEpisodes(EntityManager em) {
        this.em = em;
    }

    /** Every policy whose oldest point has waited in a cache since waitedSince or before. */
    public List<Waiting> waitingSince(Instant waitedSince) {
        List<?> rows = em.createNativeQuery("""
                        SELECT p.repository_id, r.name, p.policy_id, count(*), min(p.cached_at)
                        FROM restore_point p JOIN backup_repository r ON r.id = p.repository_id
                        WHERE p.location IN ('CACHE', 'UPLOADING') AND p.state <> 'DISCARDED'
                        GROUP BY p.repository_id, r.name, p.policy_id HAVING min(p.cached_at) <= ?1
                        ORDER BY p.repository_id, p.policy_id""")
                .setParameter(1, timestamp(waitedSince)).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(row -> new Waiting((UUID) row[0], (String) row[1], (UUID) row[2],
                ((Number) row[3]).longValue(), instant(row[4]))).toList();
    }

    /** Ends the episodes of policies none of whose points waits any more; answers how many ended. */
    public int endDrained() {
        return em.createNativeQuery("""
                        DELETE FROM cache_wait_episode e WHERE NOT EXISTS (
                            SELECT 1 FROM restore_point p WHERE p.repository_id = e.repository_id AND p.policy_id = e.policy_id
                            AND p.location IN ('CACHE', 'UPLOADING') AND p.state <> 'DISCARDED')""")
                .executeUpdate();
    }

    /** Starts the episode unless one is open. */
    public void begin(UUID repositoryId, UUID policyId, Instant now) {
        em.createNativeQuery("""
                        INSERT INTO cache_wait_episode (repository_id, policy_id, started_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, repositoryId).setParameter(2, policyId).setParameter(3, timestamp(now)).executeUpdate();
    }

    /**
     * Takes the open episode's alert for this instance; answers when the episode started, or empty when it was alerted
     * already (by this or another instance).
     */
    public Optional<Instant> claimAlert(UUID repositoryId, UUID policyId, Instant now) {
        List<?> started = em.createNativeQuery("""
                        UPDATE cache_wait_episode SET alerted_at = ?3
                        WHERE repository_id = ?1 AND policy_id = ?2 AND alerted_at IS NULL RETURNING started_at""")
                .setParameter(1, repositoryId).setParameter(2, policyId).setParameter(3, timestamp(now)).getResultList();
        return started.stream().findFirst().map(CacheWaitEpisodes::instant);
    }

    /** The alert could not be handed over: the next check tries again. */
    public void releaseAlert(UUID repositoryId, UUID policyId) {
        em.createNativeQuery("UPDATE cache_wait_episode SET alerted_at = NULL WHERE repository_id = ?1 AND policy_id = ?2")
                .setParameter(1, repositoryId).setParameter(2, policyId).executeUpdate();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
