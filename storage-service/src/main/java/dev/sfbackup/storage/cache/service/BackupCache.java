package dev.sfbackup.storage.cache.service;

import dev.sfbackup.api.storage.cache.CacheProblemTypes;
import dev.sfbackup.api.storage.cache.StorageLocation;
import dev.sfbackup.api.storage.repository.RepositoryKind;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.cache.RepositoryCache;
import dev.sfbackup.storage.cache.persistence.CachedPoints;
import dev.sfbackup.storage.cache.persistence.RepositoryCaches;
import dev.sfbackup.storage.repository.BackupRepository;
import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.backend.BackendException;
import dev.sfbackup.storage.repository.backend.LocalBackend;
import dev.sfbackup.storage.repository.config.RepositoriesConfig;
import dev.sfbackup.storage.repository.format.ContentRepository;
import dev.sfbackup.storage.repository.format.ContentRepository.StoredContent;
import dev.sfbackup.storage.repository.service.RepositoryConnector;
import dev.sfbackup.storage.repository.service.RepositoryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Decides where a restore point's files go (the repository or its backup cache), stores them there, and finds them
 * again for reads. A point that used the cache stays in it until the uploader moves it to the repository.
 */
@ApplicationScoped
public class BackupCache {

    private static final Logger LOG = Logger.getLogger(BackupCache.class);

    /** Records a stored file (manifest, then database row) in the content repository that holds it. */
    public interface Recorder {
        void record(ContentRepository content, StoredContent stored) throws IOException;
    }

    private enum Decision { REPOSITORY, CACHE, RETRY_LATER, RESTART_IN_CACHE }

    /** Where the next write goes; retryAfter is what is left of the reconnect window when the caller must retry later. */
    private record Verdict(Decision decision, Duration retryAfter) {

        static Verdict of(Decision decision) {
            return new Verdict(decision, null);
        }
    }

    private final RepositoryCaches caches;
    private final CachedPoints points;
    private final RepositoryService repositories;
    private final RepositoryConnector connector;
    private final RepositoriesConfig repositoriesConfig;
    private final Clock clock;
    private final Map<UUID, ContentRepository> openPoints = new ConcurrentHashMap<>();

    public BackupCache(RepositoryCaches caches, CachedPoints points, RepositoryService repositories, RepositoryConnector connector,
                       RepositoriesConfig repositoriesConfig, Clock clock) {
        this.caches = caches;
        this.points = points;
        this.repositories = repositories;
        this.connector = connector;
        this.repositoriesConfig = repositoriesConfig;
        this.clock = clock;
    }

    public Optional<RepositoryCache> settings(UUID repositoryId) {
        return QuarkusTransaction.joiningExisting().call(() -> caches.findByIdOptional(repositoryId));
    }

    /** Stores {@code body} for restore point {@code restorePointId} in the repository or, when it must, in the cache. */
    public StoredContent store(UUID restorePointId, BackupRepository repository, InputStream body, Recorder recorder) throws IOException {
        RepositoryCache cache = settings(repository.id).orElse(null);
        if (cache == null || (!cache.enabled && currentLocation(restorePointId) == StorageLocation.REPOSITORY)) {
            ContentRepository content = repositories.openOrUnavailable(repository);
            return content.store(body, stored -> recorder.record(content, stored));
        }
        Verdict verdict = place(restorePointId, repository, cache, null);
        if (verdict.decision() == Decision.CACHE) {
            ContentRepository content = openPoint(restorePointId, repository, cache);
            return content.store(body, stored -> recorder.record(content, stored));
        }
        rejectUnlessRepository(verdict, restorePointId, repository, cache);
        ContentRepository content = repositories.openOrUnavailable(repository);
        try {
            StoredContent stored = content.store(body, s -> recorder.record(content, s));
            refreshDigestQuietly(repository, cache);
            return stored;
        } catch (IOException e) {
            rejectUnlessRepository(place(restorePointId, repository, cache, e.getMessage()), restorePointId, repository, cache);
            throw e;
        }
    }

    /** The caller waits out the reconnect window (Retry-After), or starts the point's transfer over into the cache. */
    private static void rejectUnlessRepository(Verdict verdict, UUID restorePointId, BackupRepository repository, RepositoryCache cache) {
        if (verdict.decision() == Decision.RETRY_LATER) {
            throw ApiProblem.unavailable("repository '" + repository.name + "' is unreachable; it is retried for the cache's reconnect window ("
                    + cache.reconnectWindow + ") before restore point " + restorePointId + " switches to the backup cache; retry in "
                    + verdict.retryAfter().toSeconds() + " s", verdict.retryAfter());
        }
        if (verdict.decision() == Decision.RESTART_IN_CACHE) {
            throw ApiProblem.conflictOfType(CacheProblemTypes.TRANSFER_RESTARTED, "LOCAL repository '" + repository.name
                    + "' was lost during restore point " + restorePointId + "; the point now writes to the backup cache and its earlier"
                    + " files were dropped: send every file of the point again, from the first");
        }
    }

    /** Where the point's files live now. */
    public StorageLocation currentLocation(UUID restorePointId) {
        return QuarkusTransaction.joiningExisting().call(() -> points.location(restorePointId)).orElse(StorageLocation.REPOSITORY);
    }

    /**
     * Where the next write of the point goes. A point never leaves the cache; a point with no files yet goes to the cache
     * when the repository is unreachable or other cached points wait; a LOCAL repository lost during a point switches at
     * once and starts the point's transfer over, an S3 repository only after the reconnect window, keeping what it holds.
     */
    private Verdict place(UUID restorePointId, BackupRepository repository, RepositoryCache cache, String failure) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CachedPoints.Placement placement = points.lockPlacement(restorePointId)
                    .orElseThrow(() -> ApiProblem.notFound("restore point", restorePointId));
            if (placement.location() != StorageLocation.REPOSITORY) {
                return Verdict.of(Decision.CACHE);
            }
            if (!placement.hasFiles() && points.othersWaiting(repository.id, restorePointId)) {
                return toCache(restorePointId, "cached restore points of repository '" + repository.name + "' are waiting for upload");
            }
            String unreachable = unreachableReason(repository);
            if (unreachable == null) {
                if (placement.repositoryLostAt() != null) {
                    points.setRepositoryLostAt(restorePointId, null);
                }
                return Verdict.of(Decision.REPOSITORY);
            }
            String why = failure == null ? unreachable : failure;
            if (!placement.hasFiles()) {
                return toCache(restorePointId, "repository '" + repository.name + "' was unreachable when the restore point started writing: " + why);
            }
            if (repository.kind == RepositoryKind.LOCAL) {
                // the share may hold a partial view of the point: the whole transfer starts over in the cache
                int dropped = points.restartTransfer(restorePointId);
                toCache(restorePointId, "LOCAL repository '" + repository.name + "' was lost during the restore point: " + why
                        + "; the transfer started over in the cache (" + dropped + " files stored before are sent again)");
                return Verdict.of(Decision.RESTART_IN_CACHE);
            }
            Instant now = clock.instant();
            Instant lostAt = placement.repositoryLostAt() == null ? now : placement.repositoryLostAt();
            if (placement.repositoryLostAt() == null) {
                points.setRepositoryLostAt(restorePointId, lostAt);
            }
            Instant switchAt = lostAt.plus(cache.reconnectWindowDuration());
            if (!now.isBefore(switchAt)) {
                return toCache(restorePointId, "S3 repository '" + repository.name + "' stayed unreachable for the reconnect window ("
                        + cache.reconnectWindow + ") since " + lostAt + ": " + why);
            }
            return new Verdict(Decision.RETRY_LATER, Duration.between(now, switchAt));
        });
    }

    private Verdict toCache(UUID restorePointId, String reason) {
        LOG.warnf("restore point %s now writes to the backup cache: %s", restorePointId, reason);
        points.moveToCache(restorePointId, reason);
        return Verdict.of(Decision.CACHE);
    }

    /** Null when the repository answers and is initialized; otherwise why not. */
    public String unreachableReason(BackupRepository repository) {
        try (Backend raw = connector.rawBackend(repository)) {
            return raw.list("keys/").isEmpty() ? "the repository holds no keys at " + raw.describe() : null;
        } catch (IOException | RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** The content repository a stored file is read from: the point's cache while its files are there, else the repository. */
    public ContentRepository contentForRead(UUID restorePointId, UUID fileId, BackupRepository repository) {
        RepositoryCache cache = settings(repository.id).orElse(null);
        if (cache != null && Files.isRegularFile(cache.pointDirectory(restorePointId).resolve("files").resolve(fileId.toString()))) {
            try {
                return openPoint(restorePointId, repository, cache);
            } catch (IOException e) {
                throw ApiProblem.unavailable("the backup cache of repository '" + repository.name + "' cannot be read: " + e.getMessage());
            }
        }
        return repositories.openOrUnavailable(repository);
    }

    private ContentRepository openPoint(UUID restorePointId, BackupRepository repository, RepositoryCache cache) throws IOException {
        ContentRepository open = openPoints.get(restorePointId);
        if (open != null) {
            return open;
        }
        synchronized (openPoints) {
            open = openPoints.get(restorePointId);
            if (open != null) {
                return open;
            }
            if (!Files.isRegularFile(cache.digestDirectory().resolve("config"))) {
                throw new BackendException.Permanent("the backup cache of repository '" + repository.name
                        + "' holds no copy of the repository's keys yet: the repository must be reached once while the cache is enabled");
            }
            // a point whose transfer started over keeps all its chunks in the cache (the lost share may miss some)
            boolean deduplicate = !QuarkusTransaction.joiningExisting().call(() -> points.transferRestarted(restorePointId));
            CacheOverlayBackend backend = new CacheOverlayBackend(cache.pointDirectory(restorePointId), cache.digestDirectory(),
                    () -> connector.rawBackend(repository), cache.root(), cache.maxBytes, deduplicate);
            open = ContentRepository.initOrOpen(backend, connector.secretBox(), Path.of(repositoriesConfig.spoolDirectory()),
                    repositoriesConfig.packTargetSize());
            openPoints.put(restorePointId, open);
            return open;
        }
    }

    /** Closes a cached point's content repository (before its upload, and after it left the cache). */
    void closePoint(UUID restorePointId) {
        ContentRepository open = openPoints.remove(restorePointId);
        if (open != null) {
            open.close();
        }
    }

    /**
     * Copies what the cache must know of the repository: its config and sealed keys (so cached points use the same chunk
     * ids) and its index files (the digest map, so cached points store only chunks the repository lacks).
     */
    public void refreshDigest(BackupRepository repository, RepositoryCache cache) throws IOException {
        LocalBackend digest = LocalBackend.inOwnFolder(cache.digestDirectory());
        Path directory = cache.digestDirectory();
        try (Backend raw = connector.rawBackend(repository)) {
            for (String name : new String[]{"keys/master", "config"}) {
                if (!Files.isRegularFile(directory.resolve(name))) {
                    digest.putBytes(name, raw.readAll(name));
                }
            }
            Set<String> indexFiles = raw.list("index/").stream().map(Backend.ObjectInfo::name).collect(Collectors.toSet());
            for (String name : indexFiles) {
                if (!Files.isRegularFile(directory.resolve(name))) {
                    digest.putBytes(name, raw.readAll(name));
                }
            }
            for (Backend.ObjectInfo copied : digest.list("index/")) {
                if (!indexFiles.contains(copied.name())) {
                    digest.delete(copied.name()); // rewritten or removed by garbage collection
                }
            }
        }
    }

    void refreshDigestQuietly(BackupRepository repository, RepositoryCache cache) {
        try {
            refreshDigest(repository, cache);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not refresh the backup cache's digest map of repository '%s': %s", repository.name, e.getMessage());
        }
    }
}
