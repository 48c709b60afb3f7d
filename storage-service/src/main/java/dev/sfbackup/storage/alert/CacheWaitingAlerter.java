package dev.sfbackup.storage.alert;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.api.alert.AlertOutcome;
import dev.sfbackup.storage.cache.service.BackupCache;
import dev.sfbackup.storage.repository.BackupRepository;
import dev.sfbackup.storage.repository.service.RepositoryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Alerts a policy once per episode when its restore points have waited in the backup cache of an unreachable
 * repository longer than {@link AlertsConfig#cacheWaitingThreshold()} (by the injected clock). The episode ends when
 * none of the policy's points waits any more; only then can the next one be alerted. Instances sharing the database
 * alert an episode once: the one whose claim on the episode's row succeeds reports it.
 */
@ApplicationScoped
public class CacheWaitingAlerter {

    private final CacheWaitEpisodes episodes;
    private final RepositoryService repositories;
    private final BackupCache backupCache;
    private final PolicyAlerts alerts;
    private final AlertsConfig config;
    private final Clock clock;

    public CacheWaitingAlerter(CacheWaitEpisodes episodes, RepositoryService repositories, BackupCache backupCache,
                               PolicyAlerts alerts, AlertsConfig config, Clock clock) {
        this.episodes = episodes;
        this.repositories = repositories;
        this.backupCache = backupCache;
        this.alerts = alerts;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${backup.alerts.cache-check-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        check();
    }

    /** Ends drained episodes and reports new ones; answers how many alerts were handed to policy-service. */
    public int check() {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(episodes::endDrained);
        List<CacheWaitEpisodes.Waiting> overdue = QuarkusTransaction.requiringNew()
                .call(() -> episodes.waitingSince(now.minus(config.cacheWaitingThreshold())));
        Map<UUID, String> unreachable = new HashMap<>();
        int raised = 0;
        for (CacheWaitEpisodes.Waiting waiting : overdue) {
            String why = unreachable.computeIfAbsent(waiting.repositoryId(), this::unreachableReason);
            if (!why.isEmpty() && report(waiting, why, now)) {
                raised++;
            }
        }
        return raised;
    }

    /** Empty when the repository can be reached. */
    private String unreachableReason(UUID repositoryId) {
        BackupRepository repository = QuarkusTransaction.requiringNew().call(() -> repositories.require(repositoryId));
        String reason = backupCache.unreachableReason(repository);
        return reason == null ? "" : reason;
    }

    private boolean report(CacheWaitEpisodes.Waiting waiting, String unreachableBecause, Instant now) {
        UUID repositoryId = waiting.repositoryId();
        UUID policyId = waiting.policyId();
        Optional<Instant> started = QuarkusTransaction.requiringNew().call(() -> {
            episodes.begin(repositoryId, policyId, now);
            return episodes.claimAlert(repositoryId, policyId, now);
        });
        if (started.isEmpty()) {
            return false;
        }
        String what = waiting.points() + (waiting.points() == 1 ? " restore point has" : " restore points have")
                + " waited " + readable(Duration.between(waiting.oldestCachedAt(), now)) + " in the backup cache of repository '"
                + waiting.repositoryName() + "', which is unreachable: " + unreachableBecause;
        String key = "cache-waiting/" + repositoryId + "/" + policyId + "/" + started.get().toEpochMilli();
        if (alerts.raise(new AlertEvent(policyId, null, AlertOutcome.CACHE_WAITING, what, key))) {
            return true;
        }
        QuarkusTransaction.requiringNew().run(() -> episodes.releaseAlert(repositoryId, policyId));
        return false;
    }

    private static String readable(Duration waited) {
        long hours = waited.toHours();
        int minutes = waited.toMinutesPart();
        return hours == 0 ? minutes + " min" : hours + " h " + minutes + " min";
    }
}
