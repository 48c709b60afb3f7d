package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.security.Roles;
import dev.sfbackup.testing.ServiceProcess;
import dev.sfbackup.testing.TestTokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suite signed in end to end, packaged services over real HTTP: service-to-service calls carry their own tokens, a
 * backup leaves no secret in any log or answer, session-service refuses a disabled policy's run itself, and a caller
 * limited to one org sees only that org across the three services.
 */
class SignedInSuiteIT {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.");
    /** A Salesforce access token (session id): the org id's first 15 characters, '!', then the secret part. */
    private static final Pattern SALESFORCE_SESSION = Pattern.compile("00D[A-Za-z0-9]{12}![A-Za-z0-9_.-]{16,}");
    private static final List<String> OBJECTS = List.of("Account", "Contact");
    private static final Map<String, Object> FAST = Map.of("largeObjectThreshold", 350, "parallelism", 2);

    private static BackupSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = BackupSuite.shared();
    }

    @BeforeEach
    void resetOrg() {
        suite.resetOrg(3, 2000);
    }

    @Test
    void aFullBackupAndAFailedSignInLeaveNoSecretInAnyLogOrAnswer() throws IOException {
        List<String> answers = new ArrayList<>();
        UUID repository = suite.localRepository();
        UUID policy = suite.policy(OBJECTS, true, FAST, repository);
        JsonNode run = suite.runToEnd(policy);
        assertEquals("SUCCESS", run.path("status").asText(), run.toString());
        answers.add(run.toString());
        for (JsonNode session : run.path("sessions")) {
            answers.add(suite.session(session.path("id").asText()).toString());
            answers.add(suite.log(session.path("id").asText()));
        }
        answers.add(get(suite.policy, "/api/v1/connections"));
        answers.add(get(suite.policy, "/api/v1/policies/" + policy));
        answers.add(get(suite.storage, "/api/v1/restore-points?size=200&policyId=" + policy));
        answers.add(get(suite.storage, "/api/v1/repositories/" + repository));

        String forged = TestTokens.foreignKey(Roles.ADMIN);
        String expired = TestTokens.expired(Roles.ADMIN);
        for (ServiceProcess service : List.of(suite.policy, suite.storage, suite.engineA)) {
            for (String token : List.of(forged, expired)) {
                answers.add(given().baseUri(service.url()).auth().oauth2(token).get("/api/v1/audit").then().statusCode(401)
                        .extract().asString());
            }
            answers.add(given().baseUri(service.url()).auth().none().get("/api/v1/audit").then().statusCode(401).extract().asString());
            answers.add(get(service, "/api/v1/audit?size=500"));
        }

        // the pattern is checked against a token the org really issues, so the search below cannot miss them
        String issued = given().baseUri(suite.emulator.url()).auth().none().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "demo-client")
                .formParam("client_secret", "demo-secret").post("/services/oauth2/token").then().statusCode(200)
                .extract().path("access_token");
        assertTrue(SALESFORCE_SESSION.matcher(issued).matches(), "not a Salesforce access token: " + issued);

        List<String> secrets = List.of("demo-secret", BackupSuite.TEST_ENCRYPTION_KEY, BackupSuite.ADMIN, forged, expired,
                signingKeyBody());
        for (String answer : answers) {
            for (String secret : secrets) {
                assertFalse(answer.contains(secret), "an answer carries a secret: " + answer);
            }
            assertFalse(JWT.matcher(answer).find(), "an answer carries a token: " + answer);
            assertFalse(SALESFORCE_SESSION.matcher(answer).find(), "an answer carries a Salesforce access token: " + answer);
        }
        for (ServiceProcess service : List.of(suite.policy, suite.storage, suite.engineA, suite.engineB)) {
            String log = Files.readString(service.log());
            assertTrue(log.contains("started in"), service.log() + " is the service's log");
            for (String secret : secrets) {
                assertFalse(log.contains(secret), service.log() + " holds a secret");
            }
            assertFalse(JWT.matcher(log).find(), service.log() + " holds a token");
            assertFalse(SALESFORCE_SESSION.matcher(log).find(), service.log() + " holds a Salesforce access token");
        }
    }

    @Test
    void sessionServiceRefusesToStartADisabledPolicysRun() {
        UUID policy = suite.policy(OBJECTS, true, FAST);
        given().baseUri(suite.policy.url()).post("/api/v1/policies/" + policy + "/disable").then().statusCode(200);
        Map<String, Object> start = Map.of("policyId", policy.toString(), "trigger", "MANUAL");
        given().baseUri(suite.engineA.url()).auth().none().contentType(ContentType.JSON).body(start).post("/api/v1/runs")
                .then().statusCode(401);
        given().baseUri(suite.engineA.url()).auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(start)
                .post("/api/v1/runs").then().statusCode(409).contentType("application/problem+json");
        given().baseUri(suite.engineA.url()).queryParam("policyId", policy).get("/api/v1/runs").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aCallerOfOneOrgSeesOnlyThatOrgInEveryService() {
        UUID policyA = suite.policy(List.of("Account"), true, FAST);
        UUID policyB = suite.policy(List.of("Account"), true, FAST);
        JsonNode runA = suite.runToEnd(policyA);
        JsonNode runB = suite.runToEnd(policyB);
        UUID orgA = UUID.fromString(BackupSuite.json(get(suite.policy, "/api/v1/policies/" + policyA)).path("connectionId").asText());
        String viewerOfA = TestTokens.of(Roles.VIEWER, orgA);

        JsonNode policies = BackupSuite.json(given().baseUri(suite.policy.url()).auth().oauth2(viewerOfA).get("/api/v1/policies")
                .then().statusCode(200).extract().asString());
        assertEquals(List.of(policyA.toString()), ids(policies));
        given().baseUri(suite.policy.url()).auth().oauth2(viewerOfA).get("/api/v1/policies/" + policyB).then().statusCode(404);

        given().baseUri(suite.engineA.url()).auth().oauth2(viewerOfA).get("/api/v1/runs/" + runA.path("id").asText()).then()
                .statusCode(200);
        given().baseUri(suite.engineA.url()).auth().oauth2(viewerOfA).get("/api/v1/runs/" + runB.path("id").asText()).then()
                .statusCode(404);
        given().baseUri(suite.engineA.url()).auth().oauth2(viewerOfA).queryParam("policyId", policyB).get("/api/v1/sessions")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));

        String pointB = suite.latestPoint(policyB, "Account").path("id").asText();
        String pointA = suite.latestPoint(policyA, "Account").path("id").asText();
        given().baseUri(suite.storage.url()).auth().oauth2(viewerOfA).queryParam("policyId", policyB).get("/api/v1/restore-points")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        given().baseUri(suite.storage.url()).auth().oauth2(viewerOfA).get("/api/v1/restore-points/" + pointB + "/objects/Account/records")
                .then().statusCode(404);
        given().baseUri(suite.storage.url()).auth().oauth2(viewerOfA).get("/api/v1/restore-points/" + pointA + "/objects/Account/records")
                .then().statusCode(200);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String get(ServiceProcess service, String path) {
        return given().baseUri(service.url()).get(path).then().statusCode(200).extract().asString();
    }

    /** A line of the test private key's PEM body: a log or an answer holding the key would hold it. */
    private static String signingKeyBody() throws IOException {
        try (InputStream in = TestTokens.class.getResourceAsStream("/dev/sfbackup/testing/test-signing-key.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(3).findFirst().orElseThrow();
        }
    }
}
