package dev.sfbackup.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.emulator.config.EmulatorConfig;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.SalesforceIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues access tokens for the client-credentials and JWT bearer flows and checks bearer tokens. A JWT assertion is
 * accepted when it parses, is RS256, its iss is the configured client id, sub and aud are present and exp is in the
 * future; its signature is verified only when emulator.jwt-certificate names a certificate.
 */
@ApplicationScoped
public class TokenService {

    static final String INTEGRATION_USER_ID = SalesforceIds.id("005", 1);

    private final EmulatorConfig config;
    private final ObjectMapper json;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    public TokenService(EmulatorConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    public TokenResponse clientCredentials(String clientId, String clientSecret, String baseUrl) {
        if (clientId == null || clientId.isBlank()) {
            throw new OAuthException(400, "invalid_client_id", "client identifier invalid");
        }
        if (!constantTimeEquals(clientId, config.clientId()) || clientSecret == null || !constantTimeEquals(clientSecret, config.clientSecret())) {
            throw new OAuthException(400, "invalid_client", "invalid client credentials");
        }
        return issue(baseUrl);
    }

    public TokenResponse jwtBearer(String assertion, String baseUrl) {
        if (assertion == null || assertion.isBlank()) {
            throw new OAuthException(400, "invalid_grant", "invalid assertion");
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            throw new OAuthException(400, "invalid_grant", "invalid assertion");
        }
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        if (!"RS256".equals(header.path("alg").asText())) {
            throw new OAuthException(400, "invalid_grant", "invalid assertion");
        }
        if (!config.clientId().equals(claims.path("iss").asText())) {
            throw new OAuthException(400, "invalid_client_id", "client identifier invalid");
        }
        if (claims.path("sub").asText().isBlank() || claims.path("aud").asText().isBlank()) {
            throw new OAuthException(400, "invalid_grant", "invalid assertion");
        }
        if (claims.path("exp").asLong(0) * 1000 < System.currentTimeMillis()) {
            throw new OAuthException(400, "invalid_grant", "expired authorization code");
        }
        config.jwtCertificate().ifPresent(pem -> verifySignature(pem, parts));
        return issue(baseUrl);
    }

    public boolean isValid(String token) {
        return token != null && tokens.contains(token);
    }

    /** Ends every session, as when an admin revokes tokens or sessions time out. */
    public void revokeAll() {
        tokens.clear();
    }

    private TokenResponse issue(String baseUrl) {
        byte[] secret = new byte[48];
        random.nextBytes(secret);
        String token = Org.ORG_ID.substring(0, 15) + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.add(token);
        String instanceUrl = config.instanceUrl().orElse(baseUrl);
        String id = instanceUrl + "/id/" + Org.ORG_ID + "/" + INTEGRATION_USER_ID;
        String issuedAt = Long.toString(System.currentTimeMillis());
        return new TokenResponse(token, sign(id + issuedAt), "api", instanceUrl, id, "Bearer", issuedAt);
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode decode(String part) {
        try {
            return json.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException | IllegalArgumentException e) {
            throw new OAuthException(400, "invalid_grant", "invalid assertion");
        }
    }

    private static void verifySignature(String pemPath, String[] parts) {
        try (InputStream in = Files.newInputStream(Path.of(pemPath))) {
            PublicKey key = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new OAuthException(400, "invalid_grant", "invalid assertion");
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new OAuthException(400, "invalid_grant", "invalid assertion");
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
