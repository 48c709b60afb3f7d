package dev.sfbackup.testing;

import dev.sfbackup.security.LocalTokens;
import dev.sfbackup.security.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Real tokens for tests, signed with backup-testing's test key pair (test-signing-key.pem; trusted only by the %test
 * profile through {@link SignInTestResource} and by services started with {@link ServiceProcess}). Every token is
 * verified by quarkus-oidc exactly like a production one.
 * <pre>
 *   given().auth().oauth2(TestTokens.viewer())...                  a person with role viewer (every org)
 *   given().auth().oauth2(TestTokens.of(Roles.OPERATOR, orgA))...  an operator limited to one org (connection id)
 *   given().auth().oauth2(TestTokens.sessionService())...          session-service's own service token
 *   given().auth().none()...                                       no credential at all
 * </pre>
 * Without {@code auth()}, a @QuarkusTest request signs in as {@link #superuser()} (see {@link DefaultSignIn}).
 */
public final class TestTokens {

    public static final String ISSUER = LocalTokens.ISSUER;
    public static final String AUDIENCE = LocalTokens.AUDIENCE;
    private static final Duration LIFETIME = Duration.ofHours(2);
    private static final String KEY_RESOURCE = "/dev/sfbackup/testing/test-signing-key.pem";

    private static PrivateKey signingKey;
    private static Path signingKeyFile;

    private TestTokens() {
    }

    /** A person with this ladder role (and every role below it) on every org. */
    public static String of(String role) {
        return mint(LocalTokens.Claims.user("test-" + role, Set.of(role), null));
    }

    /** A person with this ladder role limited to these orgs (connection ids). */
    public static String of(String role, UUID... orgs) {
        return mint(LocalTokens.Claims.user("test-" + role, Set.of(role),
                Arrays.stream(orgs).map(UUID::toString).toList()));
    }

    public static String viewer() {
        return of(Roles.VIEWER);
    }

    public static String operator() {
        return of(Roles.OPERATOR);
    }

    public static String restoreOperator() {
        return of(Roles.RESTORE_OPERATOR);
    }

    public static String admin() {
        return of(Roles.ADMIN);
    }

    /** The service token session-service sends: role service, caller session-service. */
    public static String sessionService() {
        return mint(LocalTokens.Claims.service("session-service"));
    }

    /** A service token of another caller (policy-service, or any name). */
    public static String service(String clientId) {
        return mint(LocalTokens.Claims.service(clientId));
    }

    /** Every role at once (admin, and service as session-service): the default identity of @QuarkusTest requests. */
    public static String superuser() {
        return mint(new LocalTokens.Claims("test-superuser", "test-superuser", Set.of(Roles.ADMIN, Roles.SERVICE), null,
                "session-service"));
    }

    public static String mint(LocalTokens.Claims claims) {
        return LocalTokens.withKey(signingKey()).mint(claims, Instant.now(), LIFETIME);
    }

    /** A token that expired a minute ago. */
    public static String expired(String role) {
        return LocalTokens.withKey(signingKey()).mint(LocalTokens.Claims.user("test-" + role, Set.of(role), null),
                Instant.now().minus(LIFETIME), LIFETIME.minusMinutes(1));
    }

    /** A well-formed token from another issuer, signed with the test key. */
    public static String otherIssuer(String role) {
        return new LocalTokens(signingKey(), "https://attacker.example", AUDIENCE)
                .mint(LocalTokens.Claims.user("test-" + role, Set.of(role), null), Instant.now(), LIFETIME);
    }

    /** A well-formed token for another audience, signed with the test key. */
    public static String otherAudience(String role) {
        return new LocalTokens(signingKey(), ISSUER, "another-application")
                .mint(LocalTokens.Claims.user("test-" + role, Set.of(role), null), Instant.now(), LIFETIME);
    }

    /** A token with the right issuer and audience, signed with a key the services do not trust. */
    public static String foreignKey(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return LocalTokens.withKey(generator.generateKeyPair().getPrivate())
                    .mint(LocalTokens.Claims.user("test-" + role, Set.of(role), null), Instant.now(), LIFETIME);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The configuration a service needs to verify test tokens and to sign its own calls with the test key as
     * {@code clientId}: for {@link ServiceProcess} (which applies it) and {@link SignInTestResource}.
     */
    public static Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.public-key", publicKey());
        config.put("quarkus.oidc.token.issuer", ISSUER);
        config.put("quarkus.oidc.token.audience", AUDIENCE);
        config.put("backup.security.service-token.signing-key-file", signingKeyFile().toString());
        return config;
    }

    /** The test public key, base64 of its X.509 encoding (the form quarkus.oidc.public-key takes). */
    public static String publicKey() {
        return resource("/dev/sfbackup/testing/test-signing-key.pub").strip();
    }

    private static synchronized PrivateKey signingKey() {
        if (signingKey == null) {
            signingKey = LocalTokens.readPrivateKey(signingKeyFile());
        }
        return signingKey;
    }

    /** The test private key as a file, as the services read it (copied once per JVM out of the jar). */
    static synchronized Path signingKeyFile() {
        if (signingKeyFile == null) {
            try {
                Path file = Files.createTempFile("sfbackup-test-signing-key", ".pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, resource(KEY_RESOURCE));
                signingKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return signingKeyFile;
    }

    private static String resource(String name) {
        try (InputStream in = TestTokens.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from backup-testing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
