package dev.sfbackup.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Stops the service at startup when tokens could not be verified properly: no identity provider and no local public
 * key, or a local public key without the issuer to check (a token of any issuer signed with the key would pass).
 */
@ApplicationScoped
public class SignInConfigCheck {

    void check(@Observes StartupEvent started, Config config) {
        Optional<String> server = config.getOptionalValue("quarkus.oidc.auth-server-url", String.class);
        Optional<String> publicKey = config.getOptionalValue("quarkus.oidc.public-key", String.class);
        if (server.isEmpty() && publicKey.isEmpty()) {
            throw new IllegalStateException("no way to verify sign-ins: set QUARKUS_OIDC_AUTH_SERVER_URL to the identity"
                    + " provider's realm (see the README), or QUARKUS_OIDC_PUBLIC_KEY to the local signing key's public key"
                    + " (deploy/local/up.sh does)");
        }
        if (publicKey.isPresent() && config.getOptionalValue("quarkus.oidc.token.issuer", String.class).isEmpty()) {
            throw new IllegalStateException("QUARKUS_OIDC_PUBLIC_KEY is set without QUARKUS_OIDC_TOKEN_ISSUER: set the issuer"
                    + " the local tokens carry (" + LocalTokens.ISSUER + ")");
        }
        if (config.getOptionalValues("quarkus.oidc.token.audience", String.class).isEmpty()) {
            throw new IllegalStateException("QUARKUS_OIDC_TOKEN_AUDIENCE is not set: tokens meant for other applications"
                    + " of the identity provider would be accepted");
        }
    }
}
