package dev.sfbackup.policy.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Request bodies the tests build on; every name is unique so tests never collide. */
public final class TestData {

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> clientCredentialsConnection(String name, String secret) {
        return Map.of("name", name, "loginUrl", "https://login.example.com", "flow", "CLIENT_CREDENTIALS",
                "clientId", "client-" + name, "clientSecret", secret);
    }

    public static String createConnection() {
        return given().contentType(ContentType.JSON).body(clientCredentialsConnection(unique("conn"), "s3cr3t-" + UUID.randomUUID()))
                .when().post("/api/v1/connections").then().statusCode(201).extract().path("id");
    }

    /** The smallest valid policy: everything else defaults. */
    public static Map<String, Object> minimalPolicy(String name, String connectionId) {
        return Map.of("name", name, "connectionId", connectionId, "repositoryId", UUID.randomUUID().toString());
    }

    public static String createPolicy(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/policies")
                .then().statusCode(201).extract().path("id");
    }

    public static String rsaPrivateKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
