package dev.sfbackup.storage.repository.service;

import dev.sfbackup.api.storage.repository.CreateRepository;
import dev.sfbackup.api.storage.repository.GcReport;
import dev.sfbackup.api.storage.repository.RepositoryKind;
import dev.sfbackup.api.storage.repository.RepositoryView;
import dev.sfbackup.api.storage.repository.S3CredentialSource;
import dev.sfbackup.api.storage.repository.S3Location;
import dev.sfbackup.api.storage.repository.S3LocationView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.cache.persistence.RepositoryCaches;
import dev.sfbackup.storage.file.persistence.StoredFiles;
import dev.sfbackup.storage.repository.BackupRepository;
import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.config.RepositoriesConfig;
import dev.sfbackup.storage.repository.format.ContentRepository;
import dev.sfbackup.storage.repository.persistence.BackupRepositories;
import dev.sfbackup.storage.repository.persistence.RepositoryUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Repositories: create (with a connectivity check that also initializes the repository), read, update, delete, GC. */
@ApplicationScoped
public class RepositoryService {

    private static final Logger LOG = Logger.getLogger(RepositoryService.class);

    private final BackupRepositories repositories;
    private final RepositoryCaches caches;
    private final StorageLocations locations;
    private final StoredFiles files;
    private final RepositoryUsers users;
    private final RepositoryConnector connector;
    private final RepositoriesConfig config;
    private final Clock clock;

    public RepositoryService(BackupRepositories repositories, RepositoryCaches caches, StorageLocations locations,
            StoredFiles files, RepositoryUsers users,
            RepositoryConnector connector, RepositoriesConfig config, Clock clock) {
        this.repositories = repositories;
        this.caches = caches;
        this.locations = locations;
        this.files = files;
        this.users = users;
        this.connector = connector;
        this.config = config;
        this.clock = clock;
    }

    public RepositoryView create(CreateRepository request) {
        validate(request, null);
        BackupRepository repository = new BackupRepository();
        repository.id = UUID.randomUUID();
        apply(repository, request, null);
        connectOrReject(repository);
        QuarkusTransaction.requiringNew().run(() -> {
            if (repositories.findByName(repository.name).isPresent()) {
                throw ApiProblem.conflict("name", "a repository named '" + repository.name + "' already exists");
            }
            repository.createdAt = Instant.now();
            repository.updatedAt = repository.createdAt;
            repositories.persist(repository);
        });
        return view(repository);
    }

    public RepositoryView update(UUID id, CreateRepository request) {
        BackupRepository current = require(id);
        validate(request, current);
        refuseMovingData(current, request);
        BackupRepository changed = new BackupRepository();
        changed.id = id;
        apply(changed, request, current);
        connectOrReject(changed);
        connector.evict(id);
        return QuarkusTransaction.requiringNew().call(() -> {
            BackupRepository managed = require(id);
            repositories.findByName(changed.name).filter(other -> !other.id.equals(id)).ifPresent(other -> {
                throw ApiProblem.conflict("name", "a repository named '" + changed.name + "' already exists");
            });
            apply(managed, request, current);
            managed.updatedAt = Instant.now();
            return view(managed);
        });
    }

    @Transactional
    public List<RepositoryView> list() {
        return repositories.listAll().stream().map(RepositoryService::view).toList();
    }

    @Transactional
    public RepositoryView get(UUID id) {
        return view(require(id));
    }

    /**
     * Removes the repository's definition; its content stays where it is. Refused while policies use it or it holds
     * committed restore points or files: their references would dangle.
     */
    @Transactional
    public void delete(UUID id) {
        BackupRepository repository = require(id);
        List<UUID> policies = users.policies(id, 10);
        if (!policies.isEmpty()) {
            throw ApiProblem.conflict("repository " + id + " is used by polic" + (policies.size() == 1 ? "y " : "ies ")
                    + policies + "; move them to another repository (or delete them) first");
        }
        long committed = users.committedPoints(id);
        if (committed > 0) {
            throw ApiProblem.conflict("repository " + id + " holds " + committed + " committed restore points;"
                    + " delete them (retention) first");
        }
        long stored = files.countInRepository(id);
        if (stored > 0) {
            throw ApiProblem.conflict("repository " + id + " still holds " + stored + " files; delete their restore points first");
        }
        repositories.delete(repository);
        connector.evict(id);
    }

    /** Records that the policy uses the repository (policy-service asks on every create or update of a policy). */
    @Transactional
    public void registerUser(UUID id, UUID policyId) {
        require(id);
        users.register(id, policyId, clock.instant());
    }

    @Transactional
    public void releaseUser(UUID id, UUID policyId) {
        users.release(id, policyId);
    }

    public BackupRepository require(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> repositories.findByIdOptional(id)
                .orElseThrow(() -> ApiProblem.notFound("repository", id)));
    }

    public GcReport collectGarbage(UUID id) {
        BackupRepository repository = require(id);
        ContentRepository content = openOrUnavailable(repository);
        try {
            // the live set is read under the repository's GC lock, after uploads running now have recorded their files
            ContentRepository.GcOutcome outcome = content.collectGarbage(
                    () -> QuarkusTransaction.requiringNew().call(() -> files.liveChunks(id)), clock.instant().minus(config.gcGracePeriod()));
            return new GcReport(outcome.packsDeleted(), outcome.bytesFreed(), outcome.indexFilesRewritten(), outcome.orphanPacksDeleted());
        } catch (IOException e) {
            LOG.warnf(e, "garbage collection of repository '%s' failed", repository.name);
            throw ApiProblem.unavailable("repository '" + repository.name + "' failed during garbage collection; storage-service's log has the reason");
        }
    }

    public ContentRepository openOrUnavailable(BackupRepository repository) {
        try {
            return connector.open(repository);
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "repository '%s' cannot be opened", repository.name);
            throw ApiProblem.unavailable("repository '" + repository.name + "' (" + repository.kind + ") cannot be reached;"
                    + " storage-service's log has the reason");
        }
    }

    private void connectOrReject(BackupRepository repository) {
        String field = repository.kind == RepositoryKind.LOCAL ? "path" : "s3.endpoint";
        try {
            if (repository.kind == RepositoryKind.LOCAL) {
                Files.createDirectories(Path.of(repository.localPath));
            }
            try (Backend raw = connector.rawBackend(repository)) {
                raw.list("keys/");
            }
            connector.evict(repository.id);
            connector.open(repository);
        } catch (IOException | RuntimeException e) {
            // the reason (an exception text, a server path) stays in the log: the caller learns only that it failed
            LOG.warnf(e, "repository '%s' (%s) cannot be used", repository.name, repository.kind);
            throw ApiProblem.unprocessable(field, repository.kind == RepositoryKind.LOCAL
                    ? "cannot create or open a repository in this directory; storage-service's log has the reason"
                    : "cannot reach the bucket or open a repository in it with these credentials; storage-service's log has the reason");
        }
    }

    private void rejectTakenName(String name, UUID except) {
        QuarkusTransaction.joiningExisting().run(() -> repositories.findByName(name.trim())
                .filter(other -> !other.id.equals(except)).ifPresent(other -> {
                    throw ApiProblem.conflict("name", "a repository named '" + name.trim() + "' already exists");
                }));
    }

    /** The directories of every other LOCAL repository and of every backup cache: a LOCAL repository may overlap none. */
    private List<String> directoriesInUse(UUID except) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<String> taken = new ArrayList<>(repositoryDirectories(except));
            caches.listAll().stream().map(cache -> cache.path).forEach(taken::add);
            return taken;
        });
    }

    /** The directories of the LOCAL repositories other than {@code except} (null for all). */
    public List<String> repositoryDirectories(UUID except) {
        return QuarkusTransaction.joiningExisting().call(() -> repositories.listAll().stream()
                .filter(r -> r.kind == RepositoryKind.LOCAL && !r.id.equals(except)).map(r -> r.localPath).toList());
    }

    private void validate(CreateRepository request, BackupRepository current) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "a repository definition is required");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw ApiProblem.badRequest("name", "must be 1 to 200 characters");
        }
        // every check runs before the repository is initialised on disk: a refused request leaves nothing behind
        rejectTakenName(request.name(), current == null ? null : current.id);
        if (request.kind() == null) {
            throw ApiProblem.badRequest("kind", "must be LOCAL or S3");
        }
        if (current != null && current.kind != request.kind()) {
            throw ApiProblem.badRequest("kind", "cannot change from " + current.kind + " to " + request.kind());
        }
        if (request.kind() == RepositoryKind.LOCAL) {
            if (request.s3() != null) {
                throw ApiProblem.badRequest("s3", "must be absent for a LOCAL repository");
            }
            locations.requireDirectory("path", request.path(), directoriesInUse(current == null ? null : current.id));
            return;
        }
        S3Location s3 = request.s3();
        if (s3 == null) {
            throw ApiProblem.badRequest("s3", "endpoint, region, bucket and either accessKey and secretKey or credentials"
                    + " DEFAULT_CHAIN are required for an S3 repository");
        }
        if (request.path() != null) {
            throw ApiProblem.badRequest("path", "must be absent for an S3 repository");
        }
        try {
            URI endpoint = URI.create(s3.endpoint() == null ? "" : s3.endpoint());
            if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())) || endpoint.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("s3.endpoint", "must be an http(s) URL such as https://s3.eu-west-1.amazonaws.com");
        }
        locations.requirePublicEndpoint("s3.endpoint", URI.create(s3.endpoint()));
        requireText("s3.region", s3.region());
        requireText("s3.bucket", s3.bucket());
        if (credentialSource(s3) == S3CredentialSource.DEFAULT_CHAIN) {
            requireAbsent("s3.accessKey", s3.accessKey());
            requireAbsent("s3.secretKey", s3.secretKey());
            return;
        }
        requireText("s3.accessKey", s3.accessKey());
        if (current == null || current.s3SecretKeySealed == null) {
            requireText("s3.secretKey", s3.secretKey());
        }
    }

    private static S3CredentialSource credentialSource(S3Location s3) {
        return s3.credentials() == null ? S3CredentialSource.STATIC : s3.credentials();
    }

    private static void requireAbsent(String field, String value) {
        if (value != null) {
            throw ApiProblem.badRequest(field, "must be absent when s3.credentials is DEFAULT_CHAIN (the service's own"
                    + " cloud identity signs in); use STATIC to give keys");
        }
    }

    /** A repository's location is part of its identity once it holds data: a new path would lose every chunk. */
    private void refuseMovingData(BackupRepository current, CreateRepository request) {
        if (current.kind != RepositoryKind.LOCAL || Path.of(request.path()).normalize().equals(Path.of(current.localPath).normalize())) {
            return;
        }
        long stored = QuarkusTransaction.requiringNew().call(() -> files.countInRepository(current.id) + users.committedPoints(current.id));
        if (stored > 0) {
            throw ApiProblem.conflict("path", "repository " + current.id + " holds data at " + current.localPath
                    + "; its path cannot change (create a new repository for the new location)");
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest(field, "is required for an S3 repository");
        }
    }

    /** Copies the request onto the entity; a missing S3 secret on update keeps the stored one. */
    private void apply(BackupRepository target, CreateRepository request, BackupRepository current) {
        target.name = request.name().trim();
        target.kind = request.kind();
        target.localPath = request.kind() == RepositoryKind.LOCAL
                ? StorageLocations.resolved(Path.of(request.path()).toAbsolutePath()).toString()
                : request.path();
        S3Location s3 = request.s3();
        if (s3 != null) {
            target.s3Endpoint = s3.endpoint();
            target.s3Region = s3.region();
            target.s3Bucket = s3.bucket();
            target.s3Prefix = s3.prefix() == null ? "" : s3.prefix();
            target.s3PathStyle = s3.pathStyle() == null || s3.pathStyle();
            target.s3Credentials = credentialSource(s3);
            if (target.s3Credentials == S3CredentialSource.DEFAULT_CHAIN) {
                target.s3AccessKey = null;
                target.s3SecretKeySealed = null;
                return;
            }
            target.s3AccessKey = s3.accessKey();
            target.s3SecretKeySealed = s3.secretKey() == null || s3.secretKey().isBlank()
                    ? current.s3SecretKeySealed
                    : connector.sealSecret(target.id, s3.secretKey());
        }
    }

    static RepositoryView view(BackupRepository r) {
        S3LocationView s3 = r.kind == RepositoryKind.S3
                ? new S3LocationView(r.s3Endpoint, r.s3Region, r.s3Bucket, r.s3Prefix, r.s3Credentials, r.s3AccessKey, r.s3SecretKeySealed != null, r.s3PathStyle)
                : null;
        return new RepositoryView(r.id, r.name, r.kind, r.localPath, s3, r.createdAt, r.updatedAt);
    }
}
