package dev.sfbackup.storage.repository.service;

import dev.sfbackup.api.storage.repository.RepositoryKind;
import dev.sfbackup.api.storage.repository.S3CredentialSource;
import dev.sfbackup.common.crypto.SecretBox;
import dev.sfbackup.storage.repository.BackupRepository;
import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.backend.LimitedBackend;
import dev.sfbackup.storage.repository.backend.LocalBackend;
import dev.sfbackup.storage.repository.backend.MeteredBackend;
import dev.sfbackup.storage.repository.backend.RetryingBackend;
import dev.sfbackup.storage.repository.backend.S3Backend;
import dev.sfbackup.storage.repository.backend.S3Credentials;
import dev.sfbackup.storage.repository.backend.S3Settings;
import dev.sfbackup.storage.repository.backend.StallTimeoutBackend;
import dev.sfbackup.storage.repository.config.RepositoriesConfig;
import dev.sfbackup.storage.repository.format.ContentRepository;
import dev.sfbackup.storage.repository.format.RepositoryCoordination;
import dev.sfbackup.storage.repository.persistence.RepositoryLeases;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the backend stack of a repository (metrics over retry over concurrency limit over stall timeout over the raw
 * backend) and keeps one open {@link ContentRepository} per repository, so its in-memory index is loaded once.
 */
@ApplicationScoped
public class RepositoryConnector {

    private final RepositoriesConfig config;
    private final MeterRegistry meters;
    private final SecretBox secretBox;
    private final Map<UUID, ContentRepository> open = new ConcurrentHashMap<>();
    private final RepositoryLeases leases;
    private final Clock clock;
    private final ScheduledExecutorService leaseRenewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("repository-lease-renewal").factory());

    public RepositoryConnector(RepositoriesConfig config, MeterRegistry meters, RepositoryLeases leases, Clock clock) {
        this.config = config;
        this.meters = meters;
        this.leases = leases;
        this.clock = clock;
        this.secretBox = SecretBox.fromBase64Keys(config.encryptionKey(), config.previousEncryptionKey());
    }

    public SecretBox secretBox() {
        return secretBox;
    }

    /** The S3 secret key is sealed with the repository id as associated data, so it cannot be moved to another row. */
    public String sealSecret(UUID repositoryId, String secret) {
        return secretBox.seal(secret, secretOwner(repositoryId));
    }

    public static String secretOwner(UUID repositoryId) {
        return "repository:" + repositoryId;
    }

    /** The backend without retries: for connectivity checks that must answer quickly. */
    public Backend rawBackend(BackupRepository repository) {
        if (repository.kind == RepositoryKind.LOCAL) {
            return new LocalBackend(Path.of(repository.localPath));
        }
        return new S3Backend(new S3Settings(URI.create(repository.s3Endpoint), repository.s3Region, repository.s3Bucket,
                repository.s3Prefix, s3Credentials(repository), repository.s3PathStyle));
    }

    private S3Credentials s3Credentials(BackupRepository repository) {
        if (repository.s3Credentials == S3CredentialSource.DEFAULT_CHAIN) {
            return new S3Credentials.DefaultChain();
        }
        return new S3Credentials.Static(repository.s3AccessKey,
                secretBox.open(repository.s3SecretKeySealed, secretOwner(repository.id)));
    }

    private Backend decorated(BackupRepository repository) {
        Backend stalled = new StallTimeoutBackend(rawBackend(repository), config.stallTimeout());
        Backend limited = new LimitedBackend(stalled, config.concurrency());
        Backend retrying = new RetryingBackend(limited, config.retryAttempts(), config.retryFirstDelay(), config.retryMaxDelay());
        return new MeteredBackend(retrying, meters, repository.name);
    }

    /** Opens (and on first use initializes) the repository; throws when it cannot be reached or its keys do not open. */
    public ContentRepository open(BackupRepository repository) throws IOException {
        ContentRepository existing = open.get(repository.id);
        if (existing != null) {
            return existing;
        }
        synchronized (open) {
            existing = open.get(repository.id);
            if (existing != null) {
                return existing;
            }
            Backend backend = decorated(repository);
            try {
                ContentRepository opened = ContentRepository.initOrOpen(backend, secretBox,
                        Path.of(config.spoolDirectory()), config.packTargetSize(), coordination(repository.id));
                open.put(repository.id, opened);
                return opened;
            } catch (IOException | RuntimeException e) {
                backend.close();
                throw e;
            }
        }
    }

    /** How this instance agrees with the other storage-service instances on writes to the repository. */
    private LeasedCoordination coordination(UUID repositoryId) {
        return new LeasedCoordination(repositoryId, leases, clock, config.leaseTtl(), config.leaseWait(), leaseRenewals);
    }

    /**
     * Holds the repository for a backup cache upload: its CACHE_UPLOAD lease (empty when another instance uploads the
     * cache now), together with a shared hold, so garbage collection never takes the uploaded, not yet indexed packs for
     * leftovers.
     */
    public Optional<RepositoryCoordination.Hold> holdForCacheUpload(UUID repositoryId) throws IOException {
        LeasedCoordination coordination = coordination(repositoryId);
        Optional<RepositoryCoordination.Hold> upload = coordination.tryCacheUpload();
        if (upload.isEmpty()) {
            return upload;
        }
        try {
            RepositoryCoordination.Hold shared = coordination.shared();
            return Optional.of(new RepositoryCoordination.Hold() {
                @Override
                public long generation() {
                    return shared.generation();
                }

                @Override
                public long advanceGeneration() throws IOException {
                    return shared.advanceGeneration();
                }

                @Override
                public void close() {
                    shared.close();
                    upload.get().close();
                }
            });
        } catch (IOException | RuntimeException e) {
            upload.get().close();
            throw e;
        }
    }

    /** Forgets an open repository (after its location changed or it was deleted). */
    public void evict(UUID repositoryId) {
        ContentRepository removed = open.remove(repositoryId);
        if (removed != null) {
            removed.close();
        }
    }

    @PreDestroy
    void closeAll() {
        leaseRenewals.shutdownNow();
        open.values().forEach(ContentRepository::close);
        open.clear();
    }
}
