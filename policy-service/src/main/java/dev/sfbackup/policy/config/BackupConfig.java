package dev.sfbackup.policy.config;

import io.smallrye.config.ConfigMapping;
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
}
