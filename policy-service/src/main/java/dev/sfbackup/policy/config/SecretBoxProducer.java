package dev.sfbackup.policy.config;

import dev.sfbackup.common.crypto.SecretBox;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

@ApplicationScoped
public class SecretBoxProducer {

    /** Built at startup so a missing or malformed key stops the service before it accepts a secret. */
    @Produces
    @Startup
    @Singleton
    SecretBox secretBox(BackupConfig config) {
        return SecretBox.fromBase64Keys(config.encryptionKey(), config.previousEncryptionKey());
    }
}
