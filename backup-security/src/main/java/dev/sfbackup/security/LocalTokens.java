package dev.sfbackup.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tokens signed with the local RSA key, in the shape the services verify without an identity provider: the quickstart's
 * {@code deploy/local/token.sh}, the services' own service tokens in local mode, and the tests all mint them here.
 * Roles go in {@code groups} (quarkus-oidc reads it without configuration), the orgs a token may touch in {@code orgs},
 * the calling client in {@code azp}.
 */
public final class LocalTokens {

    public static final String ISSUER = "sfbackup-local";
    public static final String AUDIENCE = "sfbackup";

    private final PrivateKey signingKey;
    private final String issuer;
    private final String audience;

    public LocalTokens(PrivateKey signingKey, String issuer, String audience) {
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** With the default issuer and audience. */
    public static LocalTokens withKey(PrivateKey signingKey) {
        return new LocalTokens(signingKey, ISSUER, AUDIENCE);
    }

    /** Reads a PKCS#8 PEM private key; the message names the file, never its content. */
    public static PrivateKey readPrivateKey(Path pem) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(pem));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the signing key " + pem + ": " + e.getClass().getSimpleName(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the signing key " + pem + " is not a PKCS#8 RSA private key in PEM", e);
        }
    }

    /** What a minted token says about its holder. */
    public record Claims(String subject, String name, Set<String> roles, List<String> orgs, String client) {

        public Claims {
            roles = Set.copyOf(roles);
            orgs = orgs == null ? null : List.copyOf(orgs);
        }

        /** A person with these roles; orgs null means every org. */
        public static Claims user(String subject, Collection<String> roles, List<String> orgs) {
            return new Claims(subject, subject, new LinkedHashSet<>(roles), orgs, "sfbackup-cli");
        }

        /** A service of the suite calling another one. */
        public static Claims service(String clientId) {
            return new Claims(clientId, clientId, Set.of(Roles.SERVICE), null, clientId);
        }
    }

    public String mint(Claims claims, Instant now, Duration lifetime) {
        JwtClaimsBuilder builder = Jwt.issuer(issuer)
                .audience(audience)
                .subject(claims.subject())
                .preferredUserName(claims.name())
                .groups(claims.roles())
                .claim("azp", claims.client())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime));
        if (claims.orgs() != null) {
            builder.claim("orgs", claims.orgs());
        }
        return builder.jws().keyId("local").sign(signingKey);
    }
}
