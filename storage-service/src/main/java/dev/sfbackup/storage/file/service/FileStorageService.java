package dev.sfbackup.storage.file.service;

import dev.sfbackup.api.storage.repository.FileView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.cache.service.BackupCache;
import dev.sfbackup.storage.cache.service.CacheFullException;
import dev.sfbackup.storage.file.StoredFile;
import dev.sfbackup.storage.file.persistence.StoredFiles;
import dev.sfbackup.storage.repository.BackupRepository;
import dev.sfbackup.storage.repository.format.ContentRepository;
import dev.sfbackup.storage.repository.format.ContentRepository.StoredContent;
import dev.sfbackup.storage.repository.format.FormatRecords.ChunkRef;
import dev.sfbackup.storage.repository.service.RepositoryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores file bodies and metadata packages of a restore point in the point's repository, and reads them back.
 * Order: packs, then index (inside {@link ContentRepository#store}), then the file manifest, then the database row.
 */
@ApplicationScoped
public class FileStorageService {

    private static final Logger LOG = Logger.getLogger(FileStorageService.class);

    private final StoredFiles files;
    private final RepositoryService repositories;
    private final EntityManager entityManager;
    private final BackupCache cache;

    public FileStorageService(StoredFiles files, RepositoryService repositories, EntityManager entityManager, BackupCache cache) {
        this.files = files;
        this.repositories = repositories;
        this.entityManager = entityManager;
        this.cache = cache;
    }

    /** What the upload needs to know about its restore point. */
    private record Target(UUID restorePointId, UUID repositoryId) {
    }

    public FileView store(UUID restorePointId, String kind, String sourceId, String name, String contentType, InputStream body) {
        if (sourceId == null || sourceId.isBlank() || sourceId.length() > 255) {
            throw ApiProblem.badRequest(StoredFile.METADATA.equals(kind) ? "name" : "sourceId", "must be 1 to 255 characters");
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> openTarget(restorePointId));
        BackupRepository repository = repositories.require(target.repositoryId());
        UUID fileId = UUID.randomUUID();
        try {
            // the repository, or its backup cache when the repository is away (issue 7)
            StoredContent stored = cache.store(restorePointId, repository, body, (content, result) -> {
                content.writeManifest(fileId.toString(), result.manifest());
                QuarkusTransaction.requiringNew().run(() -> record(fileId, target, kind, sourceId, name, contentType, result));
            });
            return new FileView(fileId, sourceId, name, stored.manifest().size(), stored.manifest().sha256(), stored.newBytes(),
                    stored.dedupBytes(), cache.currentLocation(restorePointId));
        } catch (CacheFullException full) {
            throw ApiProblem.unavailable("storing " + kind.toLowerCase() + " '" + sourceId + "' in repository '" + repository.name
                    + "' failed: " + full.getMessage());
        } catch (IOException e) {
            // the reason (often a server path) goes to the log, not to the caller
            LOG.warnf(e, "storing %s '%s' in repository '%s' failed", kind.toLowerCase(), sourceId, repository.name);
            throw ApiProblem.unavailable("storing " + kind.toLowerCase() + " '" + sourceId + "' in repository '" + repository.name
                    + "' failed; storage-service's log has the reason");
        }
    }

    private Target openTarget(UUID restorePointId) {
        List<?> rows = entityManager.createNativeQuery("SELECT state, repository_id FROM restore_point WHERE id = ?1")
                .setParameter(1, restorePointId).getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("restore point", restorePointId);
        }
        Object[] row = (Object[]) rows.getFirst();
        if (!"OPEN".equals(row[0])) {
            throw ApiProblem.conflict("restore point " + restorePointId + " is " + row[0] + "; files can only be added to an OPEN restore point");
        }
        if (row[1] == null) {
            throw ApiProblem.conflict("repositoryId", "restore point " + restorePointId + " has no repository; open it with a repositoryId to store files");
        }
        return new Target(restorePointId, (UUID) row[1]);
    }

    private void record(UUID fileId, Target target, String kind, String sourceId, String name, String contentType, StoredContent stored) {
        String state = (String) entityManager.createNativeQuery("SELECT state FROM restore_point WHERE id = ?1 FOR SHARE")
                .setParameter(1, target.restorePointId()).getResultStream().findFirst().orElse(null);
        if (!"OPEN".equals(state)) {
            throw ApiProblem.conflict("restore point " + target.restorePointId() + " is no longer OPEN (" + state + "); the upload was not recorded");
        }
        // a retried upload of the same source replaces the earlier one
        files.findInRestorePoint(target.restorePointId(), kind, sourceId).ifPresent(previous -> {
            files.delete(previous);
            files.flush();
        });
        StoredFile file = new StoredFile();
        file.id = fileId;
        file.repositoryId = target.repositoryId();
        file.restorePointId = target.restorePointId();
        file.kind = kind;
        file.sourceId = sourceId;
        file.name = name;
        file.contentType = contentType;
        file.size = stored.manifest().size();
        file.sha256 = stored.manifest().sha256();
        file.newBytes = stored.newBytes();
        file.dedupBytes = stored.dedupBytes();
        file.createdAt = Instant.now();
        files.persist(file);
        files.flush();
        files.insertChunks(fileId, stored.manifest().chunks());
    }

    /** The files (or metadata packages) of a restore point in any state, by sourceId; an unknown point is a 404. */
    public List<FileView> list(UUID restorePointId, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean exists = !entityManager.createNativeQuery("SELECT 1 FROM restore_point WHERE id = ?1")
                    .setParameter(1, restorePointId).getResultList().isEmpty();
            if (!exists) {
                throw ApiProblem.notFound("restore point", restorePointId);
            }
            return files.inRestorePoint(restorePointId, kind).stream()
                    .map(file -> new FileView(file.id, file.sourceId, file.name, file.size, file.sha256, file.newBytes, file.dedupBytes))
                    .toList();
        });
    }

    /** A file ready to be streamed: its row, its chunks and the open repository. */
    public record Readable(StoredFile file, List<ChunkRef> chunks, ContentRepository content) {

        public InputStream open(long from, long to) {
            return from == 0 && to == file.size
                    ? content.readVerified(chunks, file.size, file.sha256)
                    : content.read(chunks, from, to);
        }
    }

    public Readable readable(UUID fileId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredFile file = files.findByIdOptional(fileId).orElseThrow(() -> ApiProblem.notFound("file", fileId));
            entityManager.detach(file);
            List<ChunkRef> chunks = files.chunksOf(fileId);
            BackupRepository repository = repositories.require(file.repositoryId);
            return new Readable(file, chunks, cache.contentForRead(file.restorePointId, file.id, repository));
        });
    }
}
