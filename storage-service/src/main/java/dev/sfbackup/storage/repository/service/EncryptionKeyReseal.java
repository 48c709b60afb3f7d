package dev.sfbackup.storage.repository.service;

import dev.sfbackup.api.security.ResealReport;
import dev.sfbackup.api.storage.repository.RepositoryKind;
import dev.sfbackup.common.crypto.SecretBox;
import dev.sfbackup.storage.cache.RepositoryCache;
import dev.sfbackup.storage.cache.persistence.RepositoryCaches;
import dev.sfbackup.storage.repository.BackupRepository;
import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.backend.BackendException;
import dev.sfbackup.storage.repository.backend.LocalBackend;
import dev.sfbackup.storage.repository.format.ContentRepository;
import dev.sfbackup.storage.repository.persistence.BackupRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The middle step of an encryption key rotation in storage: every S3 secret in the database, every repository's sealed
 * keys (keys/master) and every backup cache's copy of them that is still sealed with the previous key is sealed anew
 * with the current one. A repository that cannot be reached is reported, and the previous key must stay until a later
 * run reseals it.
 */
@ApplicationScoped
public class EncryptionKeyReseal {

    private final BackupRepositories repositories;
    private final RepositoryCaches caches;
    private final RepositoryConnector connector;

    public EncryptionKeyReseal(BackupRepositories repositories, RepositoryCaches caches, RepositoryConnector connector) {
        this.repositories = repositories;
        this.caches = caches;
        this.connector = connector;
    }

    public ResealReport reseal() {
        SecretBox box = connector.secretBox();
        Tally tally = new Tally();
        List<BackupRepository> all = QuarkusTransaction.requiringNew().call(repositories::listAll);
        for (BackupRepository repository : all) {
            if (repository.kind == RepositoryKind.S3 && repository.s3SecretKeySealed != null) {
                resealS3Secret(repository, box, tally);
            }
            try (Backend backend = connector.rawBackend(repository)) {
                resealKeys("repository '" + repository.name + "'", backend, box, tally);
            } catch (IOException | RuntimeException e) {
                tally.failures.add("repository '" + repository.name + "': " + describe(e));
            }
        }
        for (RepositoryCache cache : QuarkusTransaction.requiringNew().call(caches::listAll)) {
            if (cache.path != null && Files.isRegularFile(cache.digestDirectory().resolve("config"))) {
                try (Backend digest = LocalBackend.inOwnFolder(cache.digestDirectory())) {
                    resealKeys("backup cache of repository " + cache.repositoryId, digest, box, tally);
                } catch (IOException | RuntimeException e) {
                    tally.failures.add("backup cache of repository " + cache.repositoryId + ": " + describe(e));
                }
            }
        }
        return new ResealReport(tally.checked, tally.resealed, box.hasPreviousKey(), List.copyOf(tally.failures));
    }

    private void resealS3Secret(BackupRepository repository, SecretBox box, Tally tally) {
        tally.checked++;
        try {
            Optional<String> renewed = box.resealIfPrevious(repository.s3SecretKeySealed, RepositoryConnector.secretOwner(repository.id));
            if (renewed.isPresent()) {
                QuarkusTransaction.requiringNew().run(() -> repositories.update("s3SecretKeySealed = ?1 where id = ?2",
                        renewed.get(), repository.id));
                repository.s3SecretKeySealed = renewed.get();
                tally.resealed++;
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            tally.failures.add("repository '" + repository.name + "' S3 secret: neither the current nor the previous key opens it");
        }
    }

    private static void resealKeys(String what, Backend backend, SecretBox box, Tally tally) throws IOException {
        try {
            tally.checked++;
            if (ContentRepository.resealKeys(backend, box)) {
                tally.resealed++;
            }
        } catch (BackendException.NotFound notInitialised) {
            // a repository that never stored anything has no keys yet: they will be sealed with the current key
            tally.checked--;
        }
    }

    /** The failure's kind and message, which name the repository's location at most (never a key). */
    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static final class Tally {
        int checked;
        int resealed;
        final List<String> failures = new ArrayList<>();
    }
}
