package dev.sfbackup.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The console's settings (prefix {@code console}); the services' addresses and how people sign in. */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /** {@code oidc}: authorization-code flow against quarkus.oidc.*; {@code local}: the login page of the local admin. */
    @WithDefault("oidc")
    SignInMode signIn();

    Services services();

    Local local();

    /** Marks the session cookie Secure (set false only for plain-HTTP local use). */
    @WithDefault("true")
    boolean secureCookie();

    enum SignInMode {
        OIDC, LOCAL
    }

    interface Services {
        URI policy();

        URI session();

        URI storage();

        /** How long the console waits for a service's answer. */
        @WithDefault("PT30S")
        Duration timeout();
    }

    /** The local issuer: tokens signed with the suite's local key (deploy/local/up.sh creates it in .local/secrets). */
    interface Local {
        Optional<Path> signingKeyFile();

        /** The file holding the local admin's password (up.sh creates .local/secrets/console-admin.password). */
        Optional<Path> adminPasswordFile();

        @WithDefault("admin")
        String adminUser();

        @WithDefault("PT8H")
        Duration sessionLifetime();
    }
}
