package dev.sfbackup.policy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "backup")
public interface BackupConfig {

    /** base64 of 32 random bytes sealing connection secrets; %prod takes it from BACKUP_ENCRYPTION_KEY and has no default. */
    String encryptionKey();

    /** shared secret other services send in X-Service-Token to read decrypted credentials */
    @WithDefault("dev-internal-token")
    String internalToken();
}
