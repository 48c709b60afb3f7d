package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.policy.support.FixedTestPort;
import dev.sfbackup.policy.support.TestData;
import dev.sfbackup.security.Roles;
import dev.sfbackup.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FixedTestPort.class)
class ConnectionApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void createdConnectionNeverShowsItsSecretAndStoresItEncrypted() throws SQLException {
        String secret = "top-secret-" + UUID.randomUUID();
        String name = TestData.unique("acme");
        String body = given().contentType(ContentType.JSON).body(TestData.clientCredentialsConnection(name, secret))
                .when().post("/api/v1/connections")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/connections/"))
                .body("name", equalTo(name))
                .body("apiVersion", equalTo("62.0"))
                .body("flow", equalTo("CLIENT_CREDENTIALS"))
                .body("clientSecretStored", equalTo(true))
                .body("privateKeyStored", equalTo(false))
                .body("clientSecret", nullValue())
                .extract().asString();
        assertFalse(body.contains(secret), "the secret must not be returned");
        String id = io.restassured.path.json.JsonPath.from(body).getString("id");

        given().when().get("/api/v1/connections/" + id).then().statusCode(200).body(not(containsString(secret)));
        given().when().get("/api/v1/connections").then().statusCode(200)
                .body("id", hasItem(id)).body(not(containsString(secret)));

        String stored = column("select client_secret_sealed from connection where id = ?", id);
        assertTrue(stored.startsWith("v1:"), "sealed by SecretBox");
        assertFalse(stored.contains(secret));
        assertFalse(rowText(id).contains(secret), "no column holds the plaintext");
    }

    @Test
    void sessionServiceReadsDecryptedCredentials() {
        String secret = "cc-secret-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).body(TestData.clientCredentialsConnection(TestData.unique("cc"), secret))
                .when().post("/api/v1/connections").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.sessionService())
                .when().get("/internal/v1/connections/" + id + "/credentials")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("flow", equalTo("CLIENT_CREDENTIALS"))
                .body("loginUrl", equalTo("https://login.example.com"))
                .body("apiVersion", equalTo("62.0"))
                .body("clientSecret", equalTo(secret))
                .body("privateKeyPem", nullValue());
    }

    @Test
    void credentialsEndpointAnswersOnlySessionServicesOwnToken() {
        String id = TestData.createConnection();
        String path = "/internal/v1/connections/" + id + "/credentials";
        given().auth().none().when().get(path).then().statusCode(401).body(not(containsString("clientSecret")));
        // the header that opened it before: the built-in default of every installation
        given().auth().none().header("X-Service-Token", "dev-internal-token").when().get(path)
                .then().statusCode(401).body(not(containsString("clientSecret")));
        given().auth().oauth2(TestTokens.admin()).when().get(path).then().statusCode(403).body(not(containsString("clientSecret")));
        given().auth().oauth2(TestTokens.service("policy-service")).when().get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.foreignKey(Roles.ADMIN)).when().get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.sessionService()).when().get("/internal/v1/connections/" + UUID.randomUUID() + "/credentials")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void jwtBearerConnectionKeepsItsKeyWhenAnUpdateOmitsIt() throws SQLException {
        String pem = TestData.rsaPrivateKeyPem();
        Map<String, Object> request = new HashMap<>(Map.of("name", TestData.unique("jwt"), "loginUrl", "https://test.salesforce.com",
                "apiVersion", "61.0", "flow", "JWT_BEARER", "clientId", "consumer-key", "username", "backup@example.com",
                "privateKeyPem", pem));
        String id = given().contentType(ContentType.JSON).body(request).when().post("/api/v1/connections")
                .then().statusCode(201)
                .body("privateKeyStored", equalTo(true))
                .body("clientSecretStored", equalTo(false))
                .body("username", equalTo("backup@example.com"))
                .body(not(containsString("PRIVATE KEY")))
                .extract().path("id");
        String sealedBefore = column("select private_key_sealed from connection where id = ?", id);
        assertFalse(sealedBefore.contains("PRIVATE KEY"));

        request.remove("privateKeyPem");
        request.put("name", TestData.unique("jwt-renamed"));
        given().contentType(ContentType.JSON).body(request).when().put("/api/v1/connections/" + id)
                .then().statusCode(200).body("name", equalTo(request.get("name"))).body("privateKeyStored", equalTo(true));

        given().auth().oauth2(TestTokens.sessionService()).when().get("/internal/v1/connections/" + id + "/credentials")
                .then().statusCode(200)
                .body("flow", equalTo("JWT_BEARER"))
                .body("username", equalTo("backup@example.com"))
                .body("apiVersion", equalTo("61.0"))
                .body("privateKeyPem", equalTo(pem.strip()))
                .body("clientSecret", nullValue());
    }

    @Test
    void theStoredSecretNeverFollowsANewLoginUrlOrClient() {
        String name = TestData.unique("moved");
        String id = given().contentType(ContentType.JSON).body(TestData.clientCredentialsConnection(name, "kept-secret"))
                .when().post("/api/v1/connections").then().statusCode(201).extract().path("id");
        Map<String, Object> renamed = new HashMap<>(TestData.clientCredentialsConnection(TestData.unique("renamed"), "unused"));
        renamed.put("clientId", "client-" + name);
        renamed.remove("clientSecret");
        given().contentType(ContentType.JSON).body(renamed).when().put("/api/v1/connections/" + id)
                .then().statusCode(200).body("clientSecretStored", equalTo(true));

        for (Map.Entry<String, Object> change : List.of(Map.entry("loginUrl", (Object) "https://listener.example.net"),
                Map.entry("clientId", (Object) "another-client"))) {
            Map<String, Object> moved = new HashMap<>(renamed);
            moved.put(change.getKey(), change.getValue());
            given().contentType(ContentType.JSON).body(moved).when().put("/api/v1/connections/" + id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("clientSecret"));
        }
        given().auth().oauth2(TestTokens.sessionService()).when().get("/internal/v1/connections/" + id + "/credentials")
                .then().statusCode(200).body("loginUrl", equalTo("https://login.example.com"))
                .body("clientSecret", equalTo("kept-secret"));

        Map<String, Object> movedWithSecret = new HashMap<>(renamed);
        movedWithSecret.put("loginUrl", "https://test.salesforce.com");
        movedWithSecret.put("clientSecret", "new-secret");
        given().contentType(ContentType.JSON).body(movedWithSecret).when().put("/api/v1/connections/" + id)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.sessionService()).when().get("/internal/v1/connections/" + id + "/credentials")
                .then().statusCode(200).body("loginUrl", equalTo("https://test.salesforce.com"))
                .body("clientSecret", equalTo("new-secret"));
    }

    @Test
    void switchingFlowReplacesTheSecrets() throws SQLException {
        String id = TestData.createConnection();
        Map<String, Object> jwt = Map.of("name", TestData.unique("switched"), "loginUrl", "https://login.example.com",
                "flow", "JWT_BEARER", "clientId", "k", "username", "u@example.com", "privateKeyPem", TestData.rsaPrivateKeyPem());
        given().contentType(ContentType.JSON).body(jwt).when().put("/api/v1/connections/" + id)
                .then().statusCode(200).body("clientSecretStored", equalTo(false)).body("privateKeyStored", equalTo(true));
        assertEquals(null, column("select client_secret_sealed from connection where id = ?", id));
    }

    @Test
    void secretsNeverReachTheLog() {
        String secret = "log-canary-" + UUID.randomUUID();
        List<String> logged = new CopyOnWriteArrayList<>(); // request threads log too
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String id = given().contentType(ContentType.JSON).body(TestData.clientCredentialsConnection(TestData.unique("log"), secret))
                    .when().post("/api/v1/connections").then().statusCode(201).extract().path("id");
            Map<String, Object> invalid = new HashMap<>(TestData.clientCredentialsConnection("", secret));
            invalid.put("loginUrl", "not a url");
            given().contentType(ContentType.JSON).body(invalid).when().put("/api/v1/connections/" + id)
                    .then().statusCode(400).body(not(containsString(secret)));
            given().auth().oauth2(TestTokens.sessionService()).when().get("/internal/v1/connections/" + id + "/credentials")
                    .then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(logged.stream().noneMatch(line -> line.contains(secret)), "a log line carried the secret: " + logged);
    }

    @Test
    void deletedConnectionIsGone() {
        String id = TestData.createConnection();
        given().when().delete("/api/v1/connections/" + id).then().statusCode(204);
        given().when().get("/api/v1/connections/" + id).then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/api/v1/connections/" + id).then().statusCode(404);
    }

    @Test
    void connectionUsedByAPolicyCannotBeDeleted() {
        String id = TestData.createConnection();
        TestData.createPolicy(TestData.minimalPolicy(TestData.unique("uses"), id));
        given().when().delete("/api/v1/connections/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("used by 1 policy"));
        given().when().get("/api/v1/connections/" + id).then().statusCode(200);
    }

    @Test
    void rejectsAConnectionWithoutName() {
        rejected(TestData.clientCredentialsConnection("  ", "s"), 400, "name");
    }

    @Test
    void rejectsALoginUrlThatIsNotAnHttpUrl() {
        Map<String, Object> body = new HashMap<>(TestData.clientCredentialsConnection(TestData.unique("url"), "s"));
        body.put("loginUrl", "ftp://login.example.com");
        rejected(body, 400, "loginUrl");
    }

    @Test
    void rejectsAnUnknownFlow() {
        Map<String, Object> body = new HashMap<>(TestData.clientCredentialsConnection(TestData.unique("flow"), "s"));
        body.put("flow", "PASSWORD");
        rejected(body, 400, "flow");
    }

    @Test
    void rejectsClientCredentialsWithoutSecret() {
        Map<String, Object> body = new HashMap<>(TestData.clientCredentialsConnection(TestData.unique("nosecret"), "s"));
        body.remove("clientSecret");
        rejected(body, 400, "clientSecret");
    }

    @Test
    void rejectsJwtBearerWithAKeyThatIsNotPkcs8Pem() {
        Map<String, Object> body = Map.of("name", TestData.unique("badkey"), "loginUrl", "https://login.example.com",
                "flow", "JWT_BEARER", "clientId", "k", "username", "u@example.com",
                "privateKeyPem", "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----");
        rejected(body, 400, "privateKeyPem");
    }

    @Test
    void rejectsABadApiVersion() {
        Map<String, Object> body = new HashMap<>(TestData.clientCredentialsConnection(TestData.unique("ver"), "s"));
        body.put("apiVersion", "v62");
        rejected(body, 400, "apiVersion");
    }

    @Test
    void rejectsADuplicateName() {
        String name = TestData.unique("dup");
        given().contentType(ContentType.JSON).body(TestData.clientCredentialsConnection(name, "s"))
                .when().post("/api/v1/connections").then().statusCode(201);
        rejected(TestData.clientCredentialsConnection(name.toUpperCase(), "s"), 409, "name");
    }

    @Test
    void rejectsUnknownFields() {
        Map<String, Object> body = new HashMap<>(TestData.clientCredentialsConnection(TestData.unique("unknown"), "s"));
        body.put("password", "x");
        rejected(body, 400, "password");
    }

    @Test
    void rejectsMalformedJson() {
        int before = connectionCount();
        given().contentType(ContentType.JSON).body("{\"name\": \"x\",").when().post("/api/v1/connections")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        assertEquals(before, connectionCount());
    }

    @Test
    void rejectedUpdateChangesNothing() {
        String id = TestData.createConnection();
        String before = given().when().get("/api/v1/connections/" + id).then().statusCode(200).extract().asString();
        Map<String, Object> body = new HashMap<>(TestData.clientCredentialsConnection("", "new-secret"));
        given().contentType(ContentType.JSON).body(body).when().put("/api/v1/connections/" + id)
                .then().statusCode(400).body("errors.field", hasItem("name"));
        given().when().get("/api/v1/connections/" + id).then().statusCode(200).body(equalTo(before));
        given().contentType(ContentType.JSON).body(TestData.clientCredentialsConnection("x", "s"))
                .when().put("/api/v1/connections/" + UUID.randomUUID()).then().statusCode(404);
    }

    private void rejected(Map<String, Object> body, int status, String field) {
        int before = connectionCount();
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/connections")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("detail", notNullValue());
        assertEquals(before, connectionCount(), "a rejected request must store nothing");
    }

    private int connectionCount() {
        return given().when().get("/api/v1/connections").then().statusCode(200).extract().path("size()");
    }

    private String column(String sql, String id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private String rowText(String id) throws SQLException {
        return column("select c::text from connection c where id = ?", id);
    }
}
