package dev.sfbackup.storage.cache.service;

import dev.sfbackup.api.storage.cache.CacheSettings;
import dev.sfbackup.api.storage.cache.CacheView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.cache.RepositoryCache;
import dev.sfbackup.storage.cache.persistence.CachedPoints;
import dev.sfbackup.storage.cache.persistence.RepositoryCaches;
import dev.sfbackup.storage.repository.BackupRepository;
import dev.sfbackup.storage.repository.service.RepositoryService;
import dev.sfbackup.storage.repository.service.StorageLocations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jboss.logging.Logger;

/** A repository's cache settings (PUT/GET /api/v1/repositories/{id}/cache) and the points that used the cache. */
@ApplicationScoped
public class CacheSettingsService {

    static final String DEFAULT_RECONNECT_WINDOW = "PT30M";

    private static final Logger LOG = Logger.getLogger(CacheSettingsService.class);

    private final RepositoryCaches caches;
    private final CachedPoints points;
    private final RepositoryService repositories;
    private final BackupCache backupCache;
    private final StorageLocations locations;

    public CacheSettingsService(RepositoryCaches caches, CachedPoints points, RepositoryService repositories, BackupCache backupCache,
            StorageLocations locations) {
        this.locations = locations;
        this.caches = caches;
        this.points = points;
        this.repositories = repositories;
        this.backupCache = backupCache;
    }

    public CacheView put(UUID repositoryId, CacheSettings request) {
        BackupRepository repository = repositories.require(repositoryId);
        String window = validate(request);
        // caches of several repositories may share a directory (each has its own subdirectory), never a repository's
        locations.requireDirectory("path", request.path(), repositories.repositoryDirectories(null));
        try {
            Files.createDirectories(Path.of(request.path()));
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "cannot create the backup cache directory of repository %s", repositoryId);
            throw ApiProblem.unprocessable("path", "cannot create the cache directory; storage-service's log has the reason");
        }
        RepositoryCache saved = QuarkusTransaction.requiringNew().call(() -> {
            RepositoryCache cache = caches.findByIdOptional(repositoryId).orElse(null);
            if (cache == null) {
                cache = new RepositoryCache();
                cache.repositoryId = repositoryId;
                apply(cache, request, window);
                caches.persist(cache);
            } else {
                if (!cache.path.equals(request.path()) && points.countWaiting(repositoryId) > 0) {
                    throw ApiProblem.conflict("path", "restore points are waiting in the cache at " + cache.path + "; upload them before moving the cache");
                }
                apply(cache, request, window);
            }
            return cache;
        });
        if (saved.enabled && backupCache.unreachableReason(repository) == null) {
            backupCache.refreshDigestQuietly(repository, saved);
        }
        return get(repositoryId);
    }

    private static void apply(RepositoryCache cache, CacheSettings request, String window) {
        cache.enabled = request.enabled();
        cache.path = request.path();
        cache.maxBytes = request.maxBytes();
        cache.reconnectWindow = window;
        cache.updatedAt = Instant.now();
    }

    public CacheView get(UUID repositoryId) {
        repositories.require(repositoryId);
        return QuarkusTransaction.requiringNew().call(() -> {
            RepositoryCache cache = caches.findByIdOptional(repositoryId)
                    .orElseThrow(() -> ApiProblem.notFound("backup cache of repository", repositoryId));
            long used;
            try {
                used = CacheOverlayBackend.usedBytes(cache.root());
            } catch (IOException e) {
                used = -1;
            }
            return new CacheView(repositoryId, new CacheSettings(cache.enabled, cache.path, cache.maxBytes, cache.reconnectWindow),
                    used, points.listCached(repositoryId));
        });
    }

    private static String validate(CacheSettings request) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "cache settings are required: {enabled, path, maxBytes, reconnectWindow}");
        }
        if (request.enabled() == null) {
            throw ApiProblem.badRequest("enabled", "must be true or false");
        }
        if (request.path() == null || request.path().isBlank() || !Path.of(request.path()).isAbsolute()) {
            throw ApiProblem.badRequest("path", "an absolute local directory path is required");
        }
        if (request.maxBytes() == null || request.maxBytes() < 1024 * 1024) {
            throw ApiProblem.badRequest("maxBytes", "must be at least 1048576 (1 MiB)");
        }
        String window = request.reconnectWindow() == null ? DEFAULT_RECONNECT_WINDOW : request.reconnectWindow();
        try {
            if (Duration.parse(window).isNegative()) {
                throw new DateTimeParseException("negative", window, 0);
            }
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("reconnectWindow", "must be a non-negative ISO-8601 duration such as PT30M");
        }
        return window;
    }
}
