package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.audit.AuditEventView;
import dev.sfbackup.api.audit.AuditOutcome;
import dev.sfbackup.policy.support.Poll;
import dev.sfbackup.policy.support.TestData;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.AuditLog;
import dev.sfbackup.security.audit.AuditRetention;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who changed what, who was refused, whose sign-in failed: in policy-service's audit trail, without secrets. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditLog log;

    @Inject
    AuditRetention retention;

    /** Entries of one action on one target, waiting for the ones written after the answer (refusals) to land. */
    private static List<Map<String, Object>> entries(String action, String target) {
        List<List<Map<String, Object>>> found = new java.util.ArrayList<>(List.of(List.of()));
        Poll.until(Duration.ofSeconds(10), () -> {
            JsonPath page = given().auth().oauth2(TestTokens.admin()).queryParam("action", action).queryParam("size", 500)
                    .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            found.set(0, page.<Map<String, Object>>getList("items").stream()
                    .filter(e -> String.valueOf(e.get("target")).contains(target)).toList());
            return !found.getFirst().isEmpty();
        });
        assertTrue(!found.getFirst().isEmpty(), "no " + action + " entry for " + target);
        return found.getFirst();
    }

    @Test
    void changesAreRecordedWithActorRoleTargetOutcomeAndRequestId() {
        String secret = "audit-canary-" + UUID.randomUUID();
        String connection = given().auth().oauth2(TestTokens.admin()).header("X-Request-Id", "req-create-1")
                .contentType(ContentType.JSON).body(TestData.clientCredentialsConnection(TestData.unique("audited"), secret))
                .post("/api/v1/connections").then().statusCode(201).header("X-Request-Id", "req-create-1").extract().path("id");
        Map<String, Object> created = entries("connection.create", connection).getFirst();
        assertEquals("test-admin", created.get("actorSubject"));
        assertEquals("test-admin", created.get("actorName"));
        assertEquals("admin", created.get("role"));
        assertEquals("POST", created.get("method"));
        assertEquals("/api/v1/connections/" + connection, created.get("target"));
        assertEquals("SUCCESS", created.get("outcome"));
        assertEquals(201, created.get("status"));
        assertEquals("req-create-1", created.get("requestId"));

        String policy = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("audited"), connection));
        given().auth().oauth2(TestTokens.admin()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("name", "", "connectionId", connection)).put("/api/v1/policies/" + policy).then().statusCode(400);
        Map<String, Object> failed = entries("policy.update", policy).getFirst();
        assertEquals("FAILED", failed.get("outcome"));
        assertEquals(400, failed.get("status"));

        given().auth().oauth2(TestTokens.viewer()).post("/api/v1/policies/" + policy + "/disable").then().statusCode(403);
        Map<String, Object> denied = entries("policy.disable", policy).getFirst();
        assertEquals("DENIED", denied.get("outcome"));
        assertEquals("test-viewer", denied.get("actorSubject"));
        assertEquals(403, denied.get("status"));

        String everything = given().auth().oauth2(TestTokens.admin()).queryParam("size", 500).get("/api/v1/audit").then()
                .statusCode(200).extract().asString();
        assertTrue(!everything.contains(secret), "the audit trail holds a secret");
        assertTrue(!everything.contains("eyJ"), "the audit trail holds a token");
    }

    @Test
    void failedSignInsAndCallsWithoutATokenAreRecorded() {
        String policy = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("signin"), TestData.createConnection()));
        String forged = TestTokens.foreignKey(Roles.ADMIN);
        given().auth().oauth2(forged).post("/api/v1/policies/" + policy + "/enable").then().statusCode(401);
        Map<String, Object> signIn = entries("sign-in", policy).getFirst();
        assertEquals("UNAUTHENTICATED", signIn.get("outcome"));
        assertEquals(401, signIn.get("status"));
        assertEquals(null, signIn.get("actorSubject"), "an unverified token names nobody");

        given().auth().none().post("/api/v1/policies/" + policy + "/disable").then().statusCode(401);
        Map<String, Object> anonymous = entries("policy.disable", policy).getFirst();
        assertEquals("UNAUTHENTICATED", anonymous.get("outcome"));
        given().auth().oauth2(TestTokens.admin()).queryParam("size", 500).get("/api/v1/audit").then().statusCode(200)
                .body(not(containsString(forged.substring(forged.lastIndexOf('.') + 1))));
    }

    @Test
    void searchFiltersByActorActionOutcomeAndTimeAndPages() throws Exception {
        String actor = "filter-" + UUID.randomUUID();
        Instant base = Instant.parse("2031-06-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            log.append(new AuditEventView(0, base.plusSeconds(i), actor, actor, "sfbackup-cli", "admin", "policy.update", "PUT",
                    "/api/v1/policies/" + i, i == 4 ? AuditOutcome.FAILED : AuditOutcome.SUCCESS, i == 4 ? 400 : 200, "r" + i, null));
        }
        given().auth().oauth2(TestTokens.admin()).queryParam("actor", actor).queryParam("size", 2).get("/api/v1/audit").then()
                .statusCode(200).body("total", equalTo(5)).body("items", hasSize(2)).body("items[0].target", equalTo("/api/v1/policies/4"));
        given().auth().oauth2(TestTokens.admin()).queryParam("actor", actor).queryParam("size", 2).queryParam("page", 2)
                .get("/api/v1/audit").then().statusCode(200).body("items", hasSize(1)).body("items[0].target", equalTo("/api/v1/policies/0"));
        given().auth().oauth2(TestTokens.admin()).queryParam("actor", actor).queryParam("outcome", "failed").get("/api/v1/audit")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo(400));
        given().auth().oauth2(TestTokens.admin()).queryParam("actor", actor).queryParam("from", base.plusSeconds(1).toString())
                .queryParam("to", base.plusSeconds(3).toString()).get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(2)).body("items.actorSubject", everyItem(equalTo(actor)));
        given().auth().oauth2(TestTokens.admin()).queryParam("outcome", "MAYBE").get("/api/v1/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        given().auth().oauth2(TestTokens.admin()).queryParam("size", 501).get("/api/v1/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void entriesOlderThanTheRetentionArePurged() throws Exception {
        String actor = "old-" + UUID.randomUUID();
        log.append(new AuditEventView(0, Instant.now().minus(Duration.ofDays(400)), actor, actor, null, "admin", "policy.delete",
                "DELETE", "/api/v1/policies/old", AuditOutcome.SUCCESS, 204, "old", null));
        log.append(new AuditEventView(0, Instant.now().minus(Duration.ofDays(300)), actor, actor, null, "admin", "policy.delete",
                "DELETE", "/api/v1/policies/recent", AuditOutcome.SUCCESS, 204, "recent", null));
        assertTrue(retention.purge() >= 1);
        given().auth().oauth2(TestTokens.admin()).queryParam("actor", actor).get("/api/v1/audit").then().statusCode(200)
                .body("items.target", equalTo(List.of("/api/v1/policies/recent")));
    }
}
