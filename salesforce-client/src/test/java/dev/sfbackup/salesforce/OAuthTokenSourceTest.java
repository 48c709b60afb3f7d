package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuthTokenSourceTest {

    /** RSA key generation is slow on a busy machine: one pair serves every test. */
    private static final KeyPair KEYS = rsaKeys();

    private final RecordedOrg org = new RecordedOrg();

    private static KeyPair rsaKeys() {
        try {
            return KeyPairGenerator.getInstance("RSA").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void clientCredentialsFlowPostsTheFormAndReadsTheDocumentedTokenResponse() {
        var http = SalesforceConnection.defaultHttpClient();
        AccessToken token = OAuthTokenSource.clientCredentials(http, org.baseUri(), "demo-client", "demo-secret").requestToken();

        assertTrue(token.accessToken().startsWith("00Dxx0000001gPL!"));
        assertEquals(org.baseUri(), token.instanceUrl());
        assertEquals("Bearer", token.tokenType());
        assertEquals(Instant.ofEpochMilli(1278448384422L), token.issuedAt());
        assertEquals("https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS", token.id());
        Map<String, String> form = form(org.received("POST", "/services/oauth2/token").get(0).body());
        assertEquals(Map.of("grant_type", "client_credentials", "client_id", "demo-client", "client_secret", "demo-secret"), form);
        assertEquals("application/x-www-form-urlencoded",
                org.received("POST", "/services/oauth2/token").get(0).header("Content-Type"));
    }

    @Test
    void refusedCredentialsRaiseAPermanentAuthenticationErrorWithSalesforcesErrorCode() {
        org.on("POST /services/oauth2/token", RecordedOrg.Reply.json(400, "oauth/invalid-client.json"));
        var http = SalesforceConnection.defaultHttpClient();
        var tokens = OAuthTokenSource.clientCredentials(http, org.baseUri(), "demo-client", "wrong");

        AuthenticationException refused = assertThrows(AuthenticationException.class, tokens::requestToken);

        assertEquals("invalid_client", refused.errorCode());
        assertEquals(400, refused.httpStatus());
        assertTrue(refused.getMessage().contains("invalid client credentials"));
        assertTrue(!refused.isTransient());
    }

    @Test
    void refusedCredentialsAreNotRetriedByTheConnection() {
        org.on("POST /services/oauth2/token", RecordedOrg.Reply.json(400, "oauth/invalid-grant.json"));
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions());

        AuthenticationException refused = assertThrows(AuthenticationException.class, connection::describeGlobal);

        assertEquals("invalid_grant", refused.errorCode());
        assertEquals(1, org.received("POST", "/services/oauth2/token").size());
        assertEquals(0, org.received("GET", "/services/data").size());
    }

    @Test
    void jwtBearerFlowSendsAnRs256AssertionWithIssSubAudExpSignedByThePrivateKey() throws Exception {
        KeyPair keys = KEYS;
        var http = SalesforceConnection.defaultHttpClient();
        Instant before = Instant.now();

        OAuthTokenSource.jwtBearer(http, org.baseUri(), "3MVG9-client", "admin@example.org", keys.getPrivate(),
                "https://login.salesforce.com").requestToken();

        Map<String, String> form = form(org.received("POST", "/services/oauth2/token").get(0).body());
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", form.get("grant_type"));
        String[] parts = form.get("assertion").split("\\.");
        assertEquals(3, parts.length);
        ObjectMapper json = new ObjectMapper();
        assertEquals("RS256", json.readTree(Base64.getUrlDecoder().decode(parts[0])).get("alg").asText());
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("3MVG9-client", claims.get("iss").asText());
        assertEquals("admin@example.org", claims.get("sub").asText());
        assertEquals("https://login.salesforce.com", claims.get("aud").asText());
        long exp = claims.get("exp").asLong();
        assertTrue(exp > before.getEpochSecond() && exp <= Instant.now().plusSeconds(180).getEpochSecond(),
                "exp within 3 minutes from now, was " + exp);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])), "signature verifies with the public key");
    }

    @Test
    void privateKeyIsReadFromPkcs8Pem() throws Exception {
        KeyPair keys = KEYS;
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        assertEquals(keys.getPrivate(), JwtAssertion.rsaPrivateKeyFromPem(pem));
        assertThrows(IllegalArgumentException.class, () -> JwtAssertion.rsaPrivateKeyFromPem("not a key"));
    }

    private static Map<String, String> form(String body) {
        return Stream.of(body.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
