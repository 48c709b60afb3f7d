package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 over real HTTP: every run asked for is recorded and ends with its real reason, and what session-service
 * remembers about an org (its token, its API usage) never outlives the truth.
 */
class RunRecordIT {

    private static final List<String> OBJECTS = List.of("Account");
    private static final Map<String, Object> OPTIONS = Map.of("parallelism", 2);
    /** A start must answer well before any org call would time out: planning is not part of it. */
    private static final RestAssuredConfig QUICK_ANSWER = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 10_000).setParam("http.connection.timeout", 10_000));

    private static BackupSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = BackupSuite.shared();
    }

    @BeforeEach
    void resetOrg() {
        suite.resetOrg();
    }

    @Test
    void badCredentialsRecordAFailedRunWithTheReasonAndNeverBlockOtherPolicies() {
        UUID rejected = suite.policyOn(suite.connection("wrong-secret"), OBJECTS, false, OPTIONS, null);
        for (int attempt = 1; attempt <= 5; attempt++) {
            JsonNode run = startThroughPolicyService(rejected);
            JsonNode ended = suite.awaitRunEnd(run.path("id").asText(), suite.engineA, Duration.ofSeconds(60));
            assertEquals("FAILED", ended.path("status").asText(), ended.toString());
            assertTrue(ended.path("failureReason").asText().contains("authentication failed: invalid_client"), ended.toString());
        }
        JsonNode listed = BackupSuite.json(given().baseUri(suite.engineA.url()).queryParam("policyId", rejected)
                .get("/api/v1/runs").then().statusCode(200).extract().asString());
        assertEquals(5, listed.size(), "every start left a run: " + listed);

        UUID healthy = suite.policy(OBJECTS, false, OPTIONS);
        JsonNode run = startThroughPolicyService(healthy);
        assertEquals("SUCCESS", suite.awaitRunEnd(run.path("id").asText(), suite.engineA, Duration.ofSeconds(120))
                .path("status").asText(), "another policy's failures opened no circuit breaker");
    }

    @Test
    void planningAgainstASlowOrgHappensAfterTheRunIsRecorded() {
        UUID policy = suite.policy(OBJECTS, false, OPTIONS);
        long held = suite.holdFault(Map.of());
        try {
            Response started = given().config(QUICK_ANSWER).baseUri(suite.engineA.url()).contentType(ContentType.JSON)
                    .body(Map.of("policyId", policy.toString())).post("/api/v1/runs");
            assertEquals(201, started.statusCode(), started.asString());
            suite.awaitHeldCall(held);
            String runId = started.path("id");
            assertEquals("PENDING", suite.run(runId, suite.engineB).path("status").asText(), "recorded while planning");
            suite.release(held);
            assertEquals("SUCCESS", suite.awaitRunEnd(runId, suite.engineB, Duration.ofSeconds(120)).path("status").asText());
        } finally {
            suite.clearFaults();
        }
    }

    @Test
    void everyFailedSessionSaysWhy() {
        UUID policy = suite.policy(OBJECTS, false, OPTIONS);
        suite.fault(Map.of("object", "Account", "call", "query", "errorCode", "REQUEST_LIMIT_EXCEEDED", "status", 403, "times", -1));
        JsonNode run = suite.runToEnd(policy);
        suite.clearFaults();
        assertEquals("FAILED", run.path("status").asText(), run.toString());
        for (JsonNode summary : run.path("sessions")) {
            JsonNode session = suite.session(summary.path("id").asText());
            assertEquals("FAILED", session.path("status").asText(), session.toString());
            assertTrue(session.path("failureReason").asText().contains("REQUEST_LIMIT_EXCEEDED"), session.toString());
        }
    }

    @Test
    void everyInvalidSessionInARowGetsANewToken() {
        UUID policy = suite.policy(OBJECTS, false, OPTIONS);
        suite.fault(Map.of("object", "Account", "call", "query", "errorCode", "INVALID_SESSION_ID", "status", 401, "times", 2));
        JsonNode run = suite.runToEnd(policy);
        assertEquals("SUCCESS", run.path("status").asText(), run.toString());
    }

    @Test
    void theApiBudgetIsJudgedOnTheOrgsCurrentUsage() {
        UUID connection = suite.connection();
        UUID policy = suite.policyOn(connection, OBJECTS, false, Map.of("parallelism", 2, "apiBudgetPercent", 90), null);
        setUsage(94_000, 100_000);
        JsonNode exhausted = suite.runToEnd(policy);
        assertEquals("FAILED", exhausted.path("status").asText(), exhausted.toString());
        setUsage(150, 100_000);
        JsonNode recovered = suite.runToEnd(policy);
        assertEquals("SUCCESS", recovered.path("status").asText(), "the org reports 150 calls now: " + recovered);
    }

    @Test
    void aRotatedSecretIsUsedByTheNextRun() {
        UUID connection = suite.connection();
        UUID policy = suite.policyOn(connection, OBJECTS, false, OPTIONS, null);
        assertEquals("SUCCESS", suite.runToEnd(policy).path("status").asText());
        suite.rotateSecret(connection, "revoked-secret");
        JsonNode revoked = suite.runToEnd(policy);
        assertEquals("FAILED", revoked.path("status").asText(), revoked.toString());
        assertTrue(revoked.path("failureReason").asText().contains("invalid_client"), revoked.toString());
        suite.rotateSecret(connection, "demo-secret");
        assertEquals("SUCCESS", suite.runToEnd(policy).path("status").asText());
    }

    @Test
    void aDisabledPolicyStartsThroughNeitherService() {
        UUID policy = suite.policy(OBJECTS, false, OPTIONS);
        given().baseUri(suite.policy.url()).post("/api/v1/policies/" + policy + "/disable").then().statusCode(200);
        given().baseUri(suite.engineA.url()).contentType(ContentType.JSON).body(Map.of("policyId", policy.toString()))
                .post("/api/v1/runs").then().statusCode(409).contentType("application/problem+json");
        given().baseUri(suite.policy.url()).post("/api/v1/policies/" + policy + "/runs").then().statusCode(409);
        assertEquals(0, BackupSuite.json(given().baseUri(suite.engineA.url()).queryParam("policyId", policy).get("/api/v1/runs")
                .then().statusCode(200).extract().asString()).size());
    }

    @Test
    void aPolicyCannotBeDeletedWhileItsRunIsActive() {
        UUID policy = suite.policy(OBJECTS, false, OPTIONS);
        long held = suite.holdFault(Map.of());
        try {
            String runId = suite.startRun(policy, suite.engineA);
            suite.awaitHeldCall(held);
            given().baseUri(suite.policy.url()).header("If-Match", "\"0\"").delete("/api/v1/policies/" + policy)
                    .then().statusCode(409).contentType("application/problem+json");
            suite.release(held);
            assertEquals("SUCCESS", suite.awaitRunEnd(runId, suite.engineA, Duration.ofSeconds(120)).path("status").asText());
        } finally {
            suite.clearFaults();
        }
        given().baseUri(suite.policy.url()).header("If-Match", "\"0\"").delete("/api/v1/policies/" + policy)
                .then().statusCode(204);
    }

    @Test
    void aRepositoryAPolicyUsesCannotBeDeletedAndAnUnknownOneCannotBeUsed() {
        UUID repository = suite.localRepository();
        UUID policy = suite.policy(OBJECTS, false, OPTIONS, repository);
        given().baseUri(suite.storage.url()).delete("/api/v1/repositories/" + repository).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString(policy.toString()));

        Map<String, Object> dangling = Map.of("name", "dangling-" + UUID.randomUUID(), "connectionId", suite.connection().toString(),
                "repositoryId", UUID.randomUUID().toString());
        given().baseUri(suite.policy.url()).contentType(ContentType.JSON).body(dangling).post("/api/v1/policies")
                .then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("repositoryId"));

        given().baseUri(suite.policy.url()).header("If-Match", "\"0\"").delete("/api/v1/policies/" + policy)
                .then().statusCode(204);
        given().baseUri(suite.storage.url()).delete("/api/v1/repositories/" + repository).then().statusCode(204);
    }

    @Test
    void anUnfinishedPointIsDiscardedOnceStorageIsBack() {
        suite.resetOrg(3, 2000);
        UUID policy = suite.policy(OBJECTS, false, OPTIONS, suite.localRepository());
        long held = suite.holdFault(Map.of("object", "ContentVersion", "call", "query"));
        String runId;
        try {
            runId = suite.startRun(policy, suite.engineA);
            suite.awaitHeldCall(held);
            suite.killStorage();
        } finally {
            suite.clearFaults();
        }
        JsonNode run;
        try {
            run = suite.awaitRunEnd(runId, suite.engineA, Duration.ofSeconds(240));
        } finally {
            // the suite is shared with the next classes
            suite.restartStorage();
        }
        assertTrue(!"SUCCESS".equals(run.path("status").asText()), "storage was down: " + run);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        long open = openPoints(policy);
        while (open > 0 && Instant.now().isBefore(deadline)) {
            BackupSuite.sleep(500);
            open = openPoints(policy);
        }
        assertEquals(0, open, "the points left OPEN while storage was down are discarded once it is back");
    }

    private static long openPoints(UUID policy) {
        return BackupSuite.json(given().baseUri(suite.storage.url()).queryParam("policyId", policy).queryParam("state", "OPEN")
                .get("/api/v1/restore-points").then().statusCode(200).extract().asString()).path("total").asLong();
    }

    private static JsonNode startThroughPolicyService(UUID policyId) {
        Instant asked = Instant.now();
        Response started = given().config(QUICK_ANSWER).baseUri(suite.policy.url()).post("/api/v1/policies/" + policyId + "/runs");
        assertEquals(201, started.statusCode(), started.asString());
        assertTrue(Duration.between(asked, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0);
        return BackupSuite.json(started.asString());
    }

    private static void setUsage(long used, long limit) {
        given().baseUri(suite.emulator.url()).contentType(ContentType.JSON).body(Map.of("used", used, "limit", limit))
                .post("/emulator/admin/usage").then().statusCode(200);
    }
}
