package dev.sfbackup.console.signin;

import dev.sfbackup.console.ConsoleConfig;
import dev.sfbackup.security.LocalTokens;
import dev.sfbackup.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Local mode's sign-in: checks the local admin's password, mints the admin a token with the suite's local signing key
 * (the same {@link LocalTokens} as deploy/local/token.sh), and verifies the token the session cookie carries back.
 */
@ApplicationScoped
public class LocalIssuer {

    private final ConsoleConfig config;
    private final Clock clock;
    private volatile Keys keys;

    public LocalIssuer(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    private record Keys(PrivateKey signing, PublicKey verifying) {
    }

    /** True when the local admin can sign in: a signing key and a password file are configured. */
    public boolean configured() {
        return config.local().signingKeyFile().filter(Files::isReadable).isPresent()
                && config.local().adminPasswordFile().filter(Files::isReadable).isPresent();
    }

    /** The admin's token when the name and password are right. */
    public Optional<String> signIn(String user, String password) {
        if (!configured() || user == null || password == null) {
            return Optional.empty();
        }
        boolean nameMatches = MessageDigest.isEqual(bytes(user), bytes(config.local().adminUser()));
        boolean passwordMatches = MessageDigest.isEqual(bytes(password), bytes(adminPassword()));
        if (!(nameMatches && passwordMatches)) {
            return Optional.empty();
        }
        LocalTokens.Claims claims = LocalTokens.Claims.user(config.local().adminUser(), Roles.LADDER, null);
        return Optional.of(LocalTokens.withKey(keys().signing()).mint(claims, clock.instant(), config.local().sessionLifetime()));
    }

    /** The user a session cookie's token names, when its signature, issuer, audience and expiry hold. */
    public Optional<SignedInUser> verify(String token) {
        if (token == null || token.isBlank() || config.local().signingKeyFile().isEmpty()) {
            return Optional.empty();
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(keys().verifying())
                .setExpectedIssuer(LocalTokens.ISSUER)
                .setExpectedAudience(LocalTokens.AUDIENCE)
                .setRequireExpirationTime()
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromMilliseconds(clock.millis()))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            String name = claims.getClaimValueAsString("preferred_username");
            return Optional.of(new SignedInUser(name != null ? name : claims.getSubject(), token, Set.copyOf(groups)));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private String adminPassword() {
        Path file = config.local().adminPasswordFile().orElseThrow();
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local admin's password file " + file, e);
        }
    }

    private Keys keys() {
        Keys loaded = keys;
        if (loaded == null) {
            PrivateKey signing = LocalTokens.readPrivateKey(config.local().signingKeyFile().orElseThrow());
            loaded = new Keys(signing, publicKeyOf(signing));
            keys = loaded;
        }
        return loaded;
    }

    /** An RSA private key in PKCS#8 carries its modulus and public exponent: the public key needs no second file. */
    private static PublicKey publicKeyOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalStateException("the local signing key is not an RSA key with CRT parameters");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
