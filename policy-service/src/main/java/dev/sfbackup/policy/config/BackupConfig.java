package dev.sfbackup.policy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "backup")
public interface BackupConfig {

    /** base64 of 32 random bytes sealing connection secrets; %prod takes it from BACKUP_ENCRYPTION_KEY and has no default. */
    String encryptionKey();

    /**
     * The key being retired while BACKUP_ENCRYPTION_KEY is rotated (BACKUP_ENCRYPTION_KEY_PREVIOUS): still opens secrets
     * until POST /api/v1/encryption-key/reseal has sealed them all with the new key.
     */
    Optional<String> previousEncryptionKey();

    /** How alerts reach their channels. */
    Alerts alerts();

    interface Alerts {

        /** The link to a run an alert carries; {runId} is replaced by the run's id. */
        @WithDefault("http://localhost:8082/api/v1/runs/{runId}")
        String runLink();

        /** Attempts per delivery before it is given up (FAILED). */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the second attempt; each later wait doubles. */
        @WithDefault("PT30S")
        Duration firstRetryAfter();

        /** How long one webhook call may take. */
        @WithDefault("PT10S")
        Duration sendTimeout();

        /** How often due deliveries are sent (a quarkus-scheduler period). */
        @WithDefault("2s")
        String deliverEvery();

        /**
         * How long a dispatcher holds the deliveries it claimed before another instance may take them over; longer than
         * a batch of sends takes (up to 50 times send-timeout).
         */
        @WithDefault("PT10M")
        Duration claimFor();

        /** Starts the subject of every alert email. */
        @WithDefault("[sfbackup]")
        String subjectPrefix();
    }
}
