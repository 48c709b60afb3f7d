package dev.sfbackup.storage.repository.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "backup.repositories")
public interface RepositoriesConfig {

    /**
     * Base64 of 32 random bytes (head -c32 /dev/urandom | base64). Seals each repository's master keys (stored in the
     * repository as keys/master) and the S3 secret keys in the database. Losing it makes the repositories unreadable.
     */
    String encryptionKey();

    /**
     * While the key is rotated: the key being retired (BACKUP_ENCRYPTION_KEY_PREVIOUS). It still opens repository keys
     * and S3 secrets until POST /api/v1/encryption-key/reseal has sealed them all with the new key.
     */
    Optional<String> previousEncryptionKey();

    /**
     * The directories LOCAL repositories and backup caches may live in (below, never at a root itself):
     * /var/lib/sfbackup in containers, .local/repositories in local mode (deploy/local/up.sh).
     */
    @WithDefault("/var/lib/sfbackup")
    List<String> allowedRoots();

    /**
     * S3 endpoint hosts allowed although they are loopback or link-local addresses (an in-process S3 server in tests);
     * every other such endpoint is refused, so a repository cannot be used to probe internal ports.
     */
    Optional<List<String>> s3PrivateHostsAllowed();

    /** Where packs are assembled before upload. */
    @WithDefault("${java.io.tmpdir}/sfbackup-spool")
    String spoolDirectory();

    /** Target pack size in bytes. */
    @WithDefault("33554432")
    long packTargetSize();

    /** Calls in flight per repository. */
    @WithDefault("8")
    int concurrency();

    @WithDefault("6")
    int retryAttempts();

    @WithDefault("PT0.2S")
    Duration retryFirstDelay();

    @WithDefault("PT20S")
    Duration retryMaxDelay();

    /** A call that moves no bytes for this long is failed and retried. */
    @WithDefault("PT60S")
    Duration stallTimeout();

    /** Timeout of the readiness probe's call to each repository. */
    @WithDefault("PT3S")
    Duration healthTimeout();

    /**
     * How long a repository lease (an upload, garbage collection, a cache upload) outlives its holder's last renewal;
     * holders renew at a third of it. An instance that dies blocks the others for at most this long.
     */
    @WithDefault("PT2M")
    Duration leaseTtl();

    /** How long an upload waits for another instance's garbage collection, or garbage collection for running uploads. */
    @WithDefault("PT30M")
    Duration leaseWait();

    /** Packs younger than this are never garbage-collected. */
    @WithDefault("PT24H")
    Duration gcGracePeriod();
}
