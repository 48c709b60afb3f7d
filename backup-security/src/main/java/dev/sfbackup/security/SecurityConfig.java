package dev.sfbackup.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How tokens are read beyond what quarkus-oidc verifies (signature, issuer, audience, expiry, roles claim), and how this
 * service signs its own calls to the others.
 */
@ConfigMapping(prefix = "backup.security")
public interface SecurityConfig {

    /** The claim listing the connection ids (orgs) a token may touch; a token without it may touch every org. */
    @WithDefault("orgs")
    String orgsClaim();

    /** Claims naming the calling client, tried in order: Keycloak and Entra ID put the client id in azp, Okta in cid. */
    @WithDefault("azp,client_id,cid")
    List<String> callerClaims();

    /** The client id of session-service: only a service token of this caller may ingest backups or read credentials. */
    @WithDefault("session-service")
    String sessionServiceClient();

    /** The claims shown as the actor's name in the audit trail, tried in order (the subject is recorded as well). */
    @WithDefault("preferred_username,name,email")
    List<String> nameClaims();

    ServiceToken serviceToken();

    /** The token this service sends when it calls another service of the suite. */
    interface ServiceToken {

        /**
         * {@code local}: minted here with the local signing key (the quickstart and the tests); {@code oidc-client}:
         * fetched from the identity provider with the client-credentials grant of quarkus-oidc-client
         * ({@code quarkus.oidc-client.*}).
         */
        @WithDefault("local")
        Source source();

        /** local: the PEM file of the RSA private key that the services trust (deploy/local/up.sh creates it). */
        Optional<String> signingKeyFile();

        /** local: the caller's client id, written as sub and azp; the application name by default. */
        @WithDefault("${quarkus.application.name}")
        String clientId();

        /** local: how long a minted token is valid; a new one is minted when less than a third of it is left. */
        @WithDefault("PT5M")
        Duration lifetime();

        /** local: the issuer written into minted tokens; must be the one the services verify. */
        @WithDefault("${quarkus.oidc.token.issuer:" + LocalTokens.ISSUER + "}")
        String issuer();

        /** local: the audience written into minted tokens. */
        @WithDefault(LocalTokens.AUDIENCE)
        String audience();
    }

    enum Source {
        LOCAL, OIDC_CLIENT
    }
}
