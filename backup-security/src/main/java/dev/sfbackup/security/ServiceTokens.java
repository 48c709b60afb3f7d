package dev.sfbackup.security;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bearer token this service presents to the suite's other services, with role {@code service}. In local mode it is
 * minted here with the local signing key and renewed when a third of its lifetime is left; with an identity provider
 * it comes from quarkus-oidc-client (client-credentials grant) and is replaced shortly before it expires.
 */
@ApplicationScoped
public class ServiceTokens {

    /** An identity provider's token is replaced this long before it expires, so no call carries an expired one. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final SecurityConfig.ServiceToken config;
    private final Instance<OidcClient> oidcClient;
    private final Clock clock;
    private LocalTokens localTokens;
    private String token;
    private Instant renewAt = Instant.MIN;
    private Tokens oidcTokens;

    public ServiceTokens(SecurityConfig config, Instance<OidcClient> oidcClient, Clock clock) {
        this.config = config.serviceToken();
        this.oidcClient = oidcClient;
        this.clock = clock;
    }

    public synchronized String bearer() {
        return config.source() == SecurityConfig.Source.OIDC_CLIENT ? fromIdentityProvider() : minted();
    }

    private String minted() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            Duration lifetime = config.lifetime();
            token = localTokens().mint(LocalTokens.Claims.service(config.clientId()), now, lifetime);
            renewAt = now.plus(lifetime.dividedBy(3).multipliedBy(2));
        }
        return token;
    }

    private LocalTokens localTokens() {
        if (localTokens == null) {
            String file = config.signingKeyFile().orElseThrow(() -> new IllegalStateException(
                    "backup.security.service-token.signing-key-file (BACKUP_SECURITY_SERVICE_TOKEN_SIGNING_KEY_FILE) is not set:"
                            + " local mode signs calls to the other services with the key deploy/local/up.sh creates;"
                            + " with an identity provider set backup.security.service-token.source=oidc-client"));
            localTokens = new LocalTokens(LocalTokens.readPrivateKey(Path.of(file)), config.issuer(), config.audience());
        }
        return localTokens;
    }

    private String fromIdentityProvider() {
        Long expiresAt = oidcTokens == null ? null : oidcTokens.getAccessTokenExpiresAt();
        boolean stale = oidcTokens == null
                || (expiresAt != null && clock.instant().plus(RENEW_BEFORE_EXPIRY).getEpochSecond() >= expiresAt);
        if (stale) {
            oidcTokens = oidcClient.get().getTokens().await().atMost(Duration.ofSeconds(30));
        }
        return oidcTokens.getAccessToken();
    }
}
