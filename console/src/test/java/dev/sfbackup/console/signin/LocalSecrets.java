package dev.sfbackup.console.signin;

import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Local mode with backup-testing's test key and a password file; the services' addresses lead nowhere. */
public class LocalSecrets implements QuarkusTestResourceLifecycleManager {

    static final String PASSWORD = "local-test-password";

    @Override
    public Map<String, String> start() {
        try {
            Path password = Files.createTempFile("console-admin", ".password");
            Files.writeString(password, PASSWORD + "\n");
            password.toFile().deleteOnExit();
            return Map.of(
                    "console.local.signing-key-file", TestTokens.serviceConfig().get("backup.security.service-token.signing-key-file"),
                    "console.local.admin-password-file", password.toString(),
                    "console.services.policy", "http://127.0.0.1:9",
                    "console.services.session", "http://127.0.0.1:9",
                    "console.services.storage", "http://127.0.0.1:9");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
