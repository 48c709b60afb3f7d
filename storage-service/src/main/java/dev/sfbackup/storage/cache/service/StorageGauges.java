package dev.sfbackup.storage.cache.service;

import dev.sfbackup.storage.cache.RepositoryCache;
import dev.sfbackup.storage.cache.persistence.RepositoryCaches;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per repository (labelled by its id): restore points waiting in the backup cache, how long the oldest has waited,
 * bytes the cache holds, and bytes of file content the repository stores. Read every refresh-every rather than at
 * each scrape, since the cache size walks a directory.
 */
@ApplicationScoped
public class StorageGauges {

    /** What the gauges of one repository show. */
    private record Snapshot(long pointsWaiting, Instant oldestWaitingSince, long cacheBytes, long storedBytes) {
    }

    private final EntityManager em;
    private final RepositoryCaches caches;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<UUID, Snapshot> snapshots = new ConcurrentHashMap<>();

    public StorageGauges(EntityManager em, RepositoryCaches caches, MeterRegistry registry, Clock clock) {
        this.em = em;
        this.caches = caches;
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(every = "${backup.metrics.refresh-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        Map<UUID, Snapshot> fresh = QuarkusTransaction.requiringNew().call(this::read);
        fresh.forEach((repositoryId, snapshot) -> {
            if (snapshots.put(repositoryId, snapshot) == null) {
                register(repositoryId);
            }
        });
        snapshots.keySet().retainAll(fresh.keySet());
    }

    private Map<UUID, Snapshot> read() {
        Map<UUID, Snapshot> read = new HashMap<>();
        List<?> rows = em.createNativeQuery("""
                SELECT r.id,
                       (SELECT count(*) FROM restore_point p WHERE p.repository_id = r.id AND p.location IN ('CACHE', 'UPLOADING')),
                       (SELECT min(p.cached_at) FROM restore_point p WHERE p.repository_id = r.id AND p.location IN ('CACHE', 'UPLOADING')),
                       (SELECT coalesce(sum(f.new_bytes), 0) FROM stored_file f WHERE f.repository_id = r.id)
                FROM backup_repository r""").getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            UUID id = (UUID) r[0];
            Instant since = r[2] == null ? null : r[2] instanceof Instant instant ? instant
                    : ((java.time.OffsetDateTime) r[2]).toInstant();
            read.put(id, new Snapshot(((Number) r[1]).longValue(), since, cacheBytes(id), ((Number) r[3]).longValue()));
        }
        return read;
    }

    private long cacheBytes(UUID repositoryId) {
        RepositoryCache cache = caches.findById(repositoryId);
        if (cache == null) {
            return 0;
        }
        try {
            return CacheOverlayBackend.usedBytes(cache.root());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void register(UUID repositoryId) {
        String id = repositoryId.toString();
        gauge("backup.cache.points.waiting", id, "restore points in the backup cache waiting for upload",
                s -> s.pointsWaiting());
        gauge("backup.cache.oldest.waiting.seconds", id, "how long the oldest restore point has waited in the cache (0: none)",
                s -> s.oldestWaitingSince() == null ? 0 : Duration.between(s.oldestWaitingSince(), clock.instant()).toSeconds());
        gauge("backup.cache.bytes", id, "bytes the backup cache holds", s -> s.cacheBytes());
        gauge("backup.repository.stored.bytes", id, "bytes of file content the repository stores (before compression, each chunk once)",
                s -> s.storedBytes());
    }

    private void gauge(String name, String repositoryId, String description, java.util.function.ToDoubleFunction<Snapshot> value) {
        UUID id = UUID.fromString(repositoryId);
        Gauge.builder(name, snapshots, all -> all.containsKey(id) ? value.applyAsDouble(all.get(id)) : Double.NaN)
                .description(description).tag("repository", repositoryId).strongReference(true).register(registry);
    }
}
