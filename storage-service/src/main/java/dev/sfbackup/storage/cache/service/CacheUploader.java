package dev.sfbackup.storage.cache.service;

import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.cache.CacheUploadReport;
import dev.sfbackup.api.storage.cache.StorageLocation;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.cache.RepositoryCache;
import dev.sfbackup.storage.cache.persistence.CachedPoints;
import dev.sfbackup.storage.cache.persistence.RepositoryCaches;
import dev.sfbackup.storage.repository.BackupRepository;
import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.backend.BackendException;
import dev.sfbackup.storage.repository.backend.Content;
import dev.sfbackup.storage.repository.backend.LocalBackend;
import dev.sfbackup.storage.repository.service.RepositoryConnector;
import dev.sfbackup.storage.repository.service.RepositoryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import dev.sfbackup.storage.repository.format.RepositoryCoordination;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Uploads cached restore points to their repository once it is reachable: one point at a time, oldest first. A point's
 * packs go first, then its index files, then its file manifests; each object is read back and checked; only then is
 * the point marked REPOSITORY and removed from the cache. Objects are immutable, so an interrupted upload resumes by
 * skipping what the repository already holds with the same size.
 */
@ApplicationScoped
public class CacheUploader {

    private static final Logger LOG = Logger.getLogger(CacheUploader.class);
    private static final String[] UPLOAD_ORDER = {"data/", "index/", "files/"};

    private final RepositoryCaches caches;
    private final CachedPoints points;
    private final RepositoryService repositories;
    private final RepositoryConnector connector;
    private final BackupCache backupCache;

    public CacheUploader(RepositoryCaches caches, CachedPoints points, RepositoryService repositories, RepositoryConnector connector,
                         BackupCache backupCache) {
        this.caches = caches;
        this.points = points;
        this.repositories = repositories;
        this.connector = connector;
        this.backupCache = backupCache;
    }

    @Scheduled(every = "${backup.cache.upload-every}", delayed = "${backup.cache.upload-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void uploadAll() {
        List<UUID> repositoryIds = QuarkusTransaction.requiringNew().call(() -> caches.listAll().stream().map(c -> c.repositoryId).toList());
        for (UUID repositoryId : repositoryIds) {
            try {
                CacheUploadReport report = upload(repositoryId);
                if (!report.uploaded().isEmpty() || report.waiting() > 0) {
                    LOG.infof("backup cache of repository %s: uploaded %s, %d waiting%s", repositoryId, report.uploaded(), report.waiting(),
                            report.stoppedBecause() == null ? "" : " (" + report.stoppedBecause() + ")");
                }
            } catch (RuntimeException e) {
                LOG.warnf("backup cache upload of repository %s failed: %s", repositoryId, e.getMessage());
            }
        }
    }

    /**
     * Uploads the repository's cached points, oldest first, until none waits or one cannot be uploaded yet. One instance
     * at a time uploads a repository's cache (its CACHE_UPLOAD lease); another one that tries meanwhile reports so.
     */
    public CacheUploadReport upload(UUID repositoryId) {
        BackupRepository repository = repositories.require(repositoryId);
        RepositoryCache cache = backupCache.settings(repositoryId)
                .orElseThrow(() -> ApiProblem.notFound("backup cache of repository", repositoryId));
        Optional<RepositoryCoordination.Hold> lease;
        try {
            lease = connector.holdForCacheUpload(repositoryId);
        } catch (IOException e) {
            return report(repositoryId, new Progress(), "cannot take the repository's upload lease: " + e.getMessage());
        }
        if (lease.isEmpty()) {
            return report(repositoryId, new Progress(), "another storage-service instance is uploading this cache");
        }
        try (RepositoryCoordination.Hold held = lease.get()) {
            return uploadHeld(repository, cache);
        }
    }

    private CacheUploadReport uploadHeld(BackupRepository repository, RepositoryCache cache) {
        UUID repositoryId = repository.id;
        Progress progress = new Progress();
        List<UUID> uploaded = progress.points;
        String unreachable = backupCache.unreachableReason(repository);
        if (unreachable != null) {
            return report(repositoryId, progress, "repository '" + repository.name + "' is unreachable: " + unreachable);
        }
        backupCache.refreshDigestQuietly(repository, cache);
        while (true) {
            Optional<CachedPoints.Waiting> next = QuarkusTransaction.requiringNew().call(() -> points.oldestWaiting(repositoryId));
            if (next.isEmpty()) {
                return report(repositoryId, progress, null);
            }
            CachedPoints.Waiting point = next.get();
            if (point.state() == RestorePointState.OPEN) {
                return report(repositoryId, progress, "restore point " + point.id() + " (the oldest in the cache) is still OPEN");
            }
            try {
                if (point.state() == RestorePointState.DISCARDED) {
                    drop(point, cache);
                    continue;
                }
                uploadPoint(point, repository, cache, progress);
                uploaded.add(point.id());
            } catch (IOException | RuntimeException e) {
                LOG.warnf("upload of cached restore point %s to repository '%s' stopped: %s", point.id(), repository.name, e.getMessage());
                return report(repositoryId, progress, "upload of restore point " + point.id() + " failed: " + e.getMessage());
            }
        }
    }

    /** What one upload run did so far. */
    private static final class Progress {
        final List<UUID> points = new ArrayList<>();
        long objectsUploaded;
        long objectsAlreadyPresent;
    }

    private CacheUploadReport report(UUID repositoryId, Progress progress, String stoppedBecause) {
        long waiting = QuarkusTransaction.requiringNew().call(() -> points.countWaiting(repositoryId));
        return new CacheUploadReport(List.copyOf(progress.points), progress.objectsUploaded, progress.objectsAlreadyPresent,
                (int) waiting, stoppedBecause);
    }

    private void uploadPoint(CachedPoints.Waiting point, BackupRepository repository, RepositoryCache cache, Progress progress)
            throws IOException {
        Path directory = cache.pointDirectory(point.id());
        QuarkusTransaction.requiringNew().run(() -> points.setLocation(point.id(), StorageLocation.UPLOADING));
        backupCache.closePoint(point.id());
        LocalBackend local = LocalBackend.inOwnFolder(directory);
        try (Backend raw = connector.rawBackend(repository)) {
            List<Backend.ObjectInfo> objects = new ArrayList<>();
            for (String prefix : UPLOAD_ORDER) {
                List<Backend.ObjectInfo> inPrefix = Files.isDirectory(directory) ? local.list(prefix) : List.of();
                for (Backend.ObjectInfo object : inPrefix) {
                    if (remoteSize(raw, object.name()) == object.size()) {
                        progress.objectsAlreadyPresent++;
                    } else {
                        raw.put(object.name(), Content.ofFile(directory.resolve(object.name())));
                        progress.objectsUploaded++;
                    }
                    objects.add(object);
                }
            }
            for (Backend.ObjectInfo object : objects) {
                verify(raw, directory, object);
            }
            LocalBackend digest = LocalBackend.inOwnFolder(cache.digestDirectory());
            for (Backend.ObjectInfo object : objects) {
                if (object.name().startsWith("index/")) {
                    digest.put(object.name(), Content.ofFile(directory.resolve(object.name())));
                }
            }
        }
        finish(point, repository, directory);
    }

    private void finish(CachedPoints.Waiting point, BackupRepository repository, Path directory) throws IOException {
        // the open repository learns the uploaded packs before reads of the point go to it
        repositories.openOrUnavailable(repository).loadNewIndexFiles();
        QuarkusTransaction.requiringNew().run(() -> points.setLocation(point.id(), StorageLocation.REPOSITORY));
        backupCache.closePoint(point.id());
        deleteRecursively(directory);
        LOG.infof("cached restore point %s is now in repository '%s'", point.id(), repository.name);
    }

    /** Nothing of a discarded point is uploaded or kept. */
    private void drop(CachedPoints.Waiting point, RepositoryCache cache) throws IOException {
        QuarkusTransaction.requiringNew().run(() -> points.dropDiscarded(point.id()));
        backupCache.closePoint(point.id());
        deleteRecursively(cache.pointDirectory(point.id()));
        LOG.infof("discarded restore point %s removed from the backup cache", point.id());
    }

    private static long remoteSize(Backend raw, String name) throws IOException {
        try {
            return raw.stat(name);
        } catch (BackendException.NotFound absent) {
            return -1;
        }
    }

    /** A pack must hash to its name; index files and manifests must equal the cached bytes. */
    private static void verify(Backend raw, Path directory, Backend.ObjectInfo object) throws IOException {
        String name = object.name();
        if (name.startsWith("data/")) {
            MessageDigest sha256 = sha256();
            try (InputStream in = new DigestInputStream(raw.get(name, 0, -1), sha256)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            String expected = name.substring(name.lastIndexOf('/') + 1);
            if (!HexFormat.of().formatHex(sha256.digest()).equals(expected)) {
                throw new IOException("uploaded pack " + name + " does not match its hash");
            }
            return;
        }
        if (!Arrays.equals(raw.readAll(name), Files.readAllBytes(directory.resolve(name)))) {
            throw new IOException("uploaded " + name + " differs from the cached copy");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
