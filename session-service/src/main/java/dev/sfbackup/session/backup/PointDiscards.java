package dev.sfbackup.session.backup;

import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.config.BackupConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Discards unfinished restore points. A discard storage-service cannot take now (unreachable, 5xx) is recorded and
 * retried with backoff by any instance, so an OPEN point never waits for the policy's next run; a refusal (4xx: the
 * point is gone or already ended) is final.
 */
@ApplicationScoped
public class PointDiscards {

    private static final Logger LOG = Logger.getLogger(PointDiscards.class);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    private static final int PER_POLL = 20;

    private final StorageClient storage;
    private final EntityManager entities;
    private final BackupConfig config;
    private final Clock clock;

    public PointDiscards(StorageClient storage, EntityManager entities, BackupConfig config, Clock clock) {
        this.storage = storage;
        this.entities = entities;
        this.config = config;
        this.clock = clock;
    }

    /** Discards the point now, or records it for a retry; answers why it could not be discarded now, if so. */
    public Optional<String> discard(UUID pointId) {
        Optional<String> failure = tryDiscard(pointId);
        failure.ifPresent(error -> QuarkusTransaction.requiringNew().run(() -> remember(pointId, error)));
        return failure;
    }

    /**
     * Opens the point under the id the request chose. An open storage-service did not answer may still have opened the
     * point (the answer was lost, or storage stopped after its commit), so that id is discarded, now or by the retries,
     * and the failure rethrown; discarding a point that was never opened is refused, which ends it.
     */
    public RestorePointView openOrDiscard(OpenRestorePoint request) {
        Objects.requireNonNull(request.id(), "the caller chooses the point's id");
        return discardedOnFailure(request.id(), () -> storage.open(request));
    }

    /**
     * Commits the point. A commit storage-service did not take (unreachable, refused) leaves the point unfinished, so it
     * is discarded, now or by the retries, and the failure rethrown; a point whose commit was taken although its answer
     * was lost refuses the discard, which ends it.
     */
    public RestorePointView commitOrDiscard(UUID pointId, CommitRestorePoint request) {
        return discardedOnFailure(pointId, () -> storage.commit(pointId, request));
    }

    private RestorePointView discardedOnFailure(UUID pointId, Supplier<RestorePointView> call) {
        try {
            return call.get();
        } catch (RuntimeException failure) {
            discard(pointId);
            throw failure;
        }
    }

    @Scheduled(every = "${backup.engine.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDue() {
        if (!config.engine().enabled()) {
            return;
        }
        try {
            for (Object[] due : QuarkusTransaction.requiringNew().call(this::claimDue)) {
                UUID pointId = (UUID) due[0];
                int attempts = ((Number) due[1]).intValue();
                Optional<String> failure = tryDiscard(pointId);
                QuarkusTransaction.requiringNew().run(() -> failure.ifPresentOrElse(
                        error -> postpone(pointId, attempts, error), () -> forget(pointId)));
                if (failure.isEmpty()) {
                    LOG.infof("unfinished restore point %s discarded after %d failed attempts", pointId, attempts);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("retrying the discards of unfinished restore points failed; retrying at the next poll", e);
        }
    }

    private Optional<String> tryDiscard(UUID pointId) {
        try {
            storage.discard(pointId);
            return Optional.empty();
        } catch (RemoteCallRejected refused) {
            return Optional.empty();
        } catch (RuntimeException unreachable) {
            return Optional.of(unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage());
        }
    }

    private void remember(UUID pointId, String error) {
        entities.createNativeQuery("INSERT INTO pending_discard (point_id, attempts, last_error, next_attempt_at)"
                + " VALUES (?1, 1, ?2, ?3) ON CONFLICT (point_id) DO NOTHING").setParameter(1, pointId).setParameter(2, error)
                .setParameter(3, clock.instant().plus(config.engine().discardRetryAfter())).executeUpdate();
    }

    /** Due discards, leased to this instance for a while so another instance does not send them at the same time. */
    @SuppressWarnings("unchecked")
    private List<Object[]> claimDue() {
        Instant now = clock.instant();
        return entities.createNativeQuery("UPDATE pending_discard SET next_attempt_at = ?1 WHERE point_id IN (SELECT point_id"
                + " FROM pending_discard WHERE next_attempt_at <= ?2 ORDER BY next_attempt_at LIMIT " + PER_POLL
                + " FOR UPDATE SKIP LOCKED) RETURNING point_id, attempts").setParameter(1, now.plus(LONGEST_WAIT))
                .setParameter(2, now).getResultList();
    }

    private void postpone(UUID pointId, int attempts, String error) {
        Duration wait = config.engine().discardRetryAfter().multipliedBy(1L << Math.min(attempts, 6));
        entities.createNativeQuery("UPDATE pending_discard SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3"
                + " WHERE point_id = ?1").setParameter(1, pointId).setParameter(2, error)
                .setParameter(3, clock.instant().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait)).executeUpdate();
    }

    private void forget(UUID pointId) {
        entities.createNativeQuery("DELETE FROM pending_discard WHERE point_id = ?1").setParameter(1, pointId).executeUpdate();
    }
}
