package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.sfbackup.policy.support.TestData;
import dev.sfbackup.testing.EncryptionKeys;
import dev.sfbackup.testing.ServiceProcess;
import dev.sfbackup.testing.TestTokens;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's key rotation, on the packaged service: start with the new key and the old one as previous, re-seal,
 * restart with the new key alone; every connection's secrets still read back, and the new key alone could not have
 * read them before the re-seal.
 */
class EncryptionKeyRotationIT {

    private static final String DATABASE = "policy_key_rotation_it";
    private static final String OLD_KEY = EncryptionKeys.random();
    private static final String NEW_KEY = EncryptionKeys.random();

    private static ServiceProcess policyService(boolean fresh, String key, String previous) {
        ServiceProcess.Builder builder = ServiceProcess.builder("policy-service");
        builder = fresh ? builder.freshDatabase(DATABASE) : builder.database(DATABASE);
        builder.config("backup.encryption-key", key);
        if (previous != null) {
            builder.config("backup.previous-encryption-key", previous);
        }
        return builder.start();
    }

    @Test
    void rotatingTheKeyKeepsEverySecretReadable() {
        String secret = "rotated-secret-" + EncryptionKeys.random();
        String pem = TestData.rsaPrivateKeyPem();
        String clientCredentials;
        String jwtBearer;
        String webhook;
        try (ServiceProcess service = policyService(true, OLD_KEY, null)) {
            clientCredentials = given().baseUri(service.url()).auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(TestData.clientCredentialsConnection(TestData.unique("cc"), secret)).post("/api/v1/connections")
                    .then().statusCode(201).extract().path("id");
            Map<String, Object> jwt = new HashMap<>(Map.of("name", TestData.unique("jwt"), "loginUrl", "https://login.example.com",
                    "flow", "JWT_BEARER", "clientId", "k", "username", "u@example.com", "privateKeyPem", pem));
            jwtBearer = given().baseUri(service.url()).auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(jwt)
                    .post("/api/v1/connections").then().statusCode(201).extract().path("id");
            webhook = given().baseUri(service.url()).auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("name", TestData.unique("hook"), "type", "WEBHOOK", "url", "https://hooks.example.com/T0/B0/s3cr3t"))
                    .post("/api/v1/channels").then().statusCode(201).extract().path("id");
        }
        try (ServiceProcess newKeyOnly = policyService(false, NEW_KEY, null)) {
            given().baseUri(newKeyOnly.url()).auth().oauth2(TestTokens.sessionService())
                    .get("/internal/v1/connections/" + clientCredentials + "/credentials").then().statusCode(not(equalTo(200)));
        }
        try (ServiceProcess rotating = policyService(false, NEW_KEY, OLD_KEY)) {
            given().baseUri(rotating.url()).auth().oauth2(TestTokens.sessionService())
                    .get("/internal/v1/connections/" + clientCredentials + "/credentials").then().statusCode(200)
                    .body("clientSecret", equalTo(secret));
            given().baseUri(rotating.url()).auth().oauth2(TestTokens.admin()).post("/api/v1/encryption-key/reseal").then()
                    .statusCode(200).body("checked", equalTo(3)).body("resealed", equalTo(3)).body("failures.size()", equalTo(0))
                    .body("previousKeyConfigured", equalTo(true));
            given().baseUri(rotating.url()).auth().oauth2(TestTokens.admin()).post("/api/v1/encryption-key/reseal").then()
                    .statusCode(200).body("resealed", equalTo(0));
        }
        try (ServiceProcess retired = policyService(false, NEW_KEY, null)) {
            given().baseUri(retired.url()).auth().oauth2(TestTokens.sessionService())
                    .get("/internal/v1/connections/" + clientCredentials + "/credentials").then().statusCode(200)
                    .body("clientSecret", equalTo(secret));
            given().baseUri(retired.url()).auth().oauth2(TestTokens.sessionService())
                    .get("/internal/v1/connections/" + jwtBearer + "/credentials").then().statusCode(200)
                    .body("privateKeyPem", equalTo(pem.strip()));
            given().baseUri(retired.url()).auth().oauth2(TestTokens.viewer()).get("/api/v1/connections").then().statusCode(200)
                    .body("size()", equalTo(2));
            given().baseUri(retired.url()).auth().oauth2(TestTokens.admin()).get("/api/v1/channels/" + webhook).then().statusCode(200)
                    .body("url", equalTo("https://hooks.example.com/***"));
        }
    }
}
