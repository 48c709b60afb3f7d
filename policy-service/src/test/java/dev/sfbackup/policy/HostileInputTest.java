package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.sfbackup.policy.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import dev.sfbackup.testing.TestTokens;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 14, "what an attacker did": each input answered 500 or was taken as something else; now a 400 naming the field. */
@QuarkusTest
class HostileInputTest {

    @Test
    void theNulCharacterIsRefusedInEveryTextNamingTheField() {
        Map<String, Object> connection = new HashMap<>(TestData.clientCredentialsConnection(TestData.unique("nul") + "\u0000x", "secret"));
        refusedConnection(connection, "name");
        connection = new HashMap<>(TestData.clientCredentialsConnection(TestData.unique("nul"), "secret"));
        connection.put("clientId", "client\u0000");
        refusedConnection(connection, "clientId");

        String connectionId = TestData.createConnection();
        refusedPolicy(Map.of("name", "evil\u0000", "connectionId", connectionId), "name");
        String policy = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("scope"), connectionId));
        given().contentType(ContentType.JSON).body(Map.of("addObjects", List.of("Account"), "reason", "why\u0000"))
                .patch("/api/v1/policies/" + policy + "/scope").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().queryParam("anything", "\u0000").get("/api/v1/policies").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("anything"));
    }

    @Test
    void numbersAndBooleansAreNotNamesAndFractionsAreNotDays() {
        String connectionId = TestData.createConnection();
        refusedPolicy(Map.of("name", 12345, "connectionId", connectionId), "name");
        refusedPolicy(Map.of("name", true, "connectionId", connectionId), "name");
        Map<String, Object> connection = new HashMap<>(TestData.clientCredentialsConnection(TestData.unique("num"), "secret"));
        connection.put("clientId", 42);
        refusedConnection(connection, "clientId");
        refusedPolicy(policy(connectionId, "retentionDays", 1.5), "retentionDays");
    }

    @Test
    void retentionAndSchedulesStayWithinSaneBounds() {
        String connectionId = TestData.createConnection();
        given().contentType(ContentType.JSON).body(policy(connectionId, "retentionDays", Integer.MAX_VALUE)).post("/api/v1/policies")
                .then().statusCode(400).body("errors.field", hasItem("retentionDays"))
                .body("errors.find { it.field == 'retentionDays' }.message", containsString("between 1 and 36500"));
        refusedPolicy(policy(connectionId, "schedule", Map.of("cron", "* * * * * ?")), "schedule.cron");
        refusedPolicy(policy(connectionId, "schedule", Map.of("cron", "0/10 * * * * ?")), "schedule.cron");
        refusedPolicy(policy(connectionId, "schedule", Map.of("cron", "0 0 0 30 2 ?")), "schedule.cron");
        refusedPolicy(policy(connectionId, "schedule", Map.of("cron", "0 0 0 1 1 ? 2020")), "schedule.cron");
        given().contentType(ContentType.JSON).body(policy(connectionId, "schedule", Map.of("cron", "0 * * * * ?")))
                .post("/api/v1/policies").then().statusCode(201);
    }

    @Test
    void secretsAndScopesAreBounded() {
        refusedConnection(TestData.clientCredentialsConnection(TestData.unique("big"), "s".repeat(4097)), "clientSecret");
        String connectionId = TestData.createConnection();
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            objects.add("Object" + i + "__c");
        }
        refusedPolicy(policy(connectionId, "scope", Map.of("objects", objects)), "scope.objects");
        String policy = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("bounded"), connectionId));
        given().contentType(ContentType.JSON).body(Map.of("addObjects", objects)).patch("/api/v1/policies/" + policy + "/scope")
                .then().statusCode(400).body("errors.field", hasItem("addObjects"));
    }

    @Test
    void anEmptyScopeExtensionWritesNoHistory() {
        String policy = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("empty"), TestData.createConnection()));
        given().contentType(ContentType.JSON).body(Map.of()).patch("/api/v1/policies/" + policy + "/scope").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("addObjects", List.of(), "addFields", Map.of()))
                .patch("/api/v1/policies/" + policy + "/scope").then().statusCode(200);
        given().get("/api/v1/policies/" + policy + "/history").then().statusCode(200).body("change", equalTo(List.of("CREATED")));
    }

    @Test
    void aBodyOverTheLimitIsAnsweredWithAProblem() {
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/v1/policies").then().statusCode(413)
                .contentType("application/problem+json").body("errors.field", hasItem("body"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsAnsweredWithAProblem() throws Exception {
        byte[] huge = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = postWithoutLength(huge);
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"field\":\"body\""), answer.body());
        byte[] beyondEveryLimit = ("{\"name\":\"" + "x".repeat(24 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        assertEquals(413, postWithoutLength(beyondEveryLimit).statusCode());
    }

    /** The body goes out chunked: a stream of unknown length has no Content-Length to check up front. */
    private static HttpResponse<String> postWithoutLength(byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/policies"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aPathIdThatIsNotAUuidIsABadRequestNamingIt() {
        given().get("/api/v1/policies/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id")).body("errors[0].message", containsString("UUID"));
        given().get("/api/v1/policies/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static Map<String, Object> policy(String connectionId, String key, Object value) {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("bounds"), connectionId));
        body.put(key, value);
        return body;
    }

    private static void refusedPolicy(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/policies").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static void refusedConnection(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/connections").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
