package dev.sfbackup.session.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.backup.planning.PlanInput;
import dev.sfbackup.session.backup.planning.RunPlanner;
import dev.sfbackup.session.service.PlannedRun;
import dev.sfbackup.session.service.RunStore;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Runs started and sessions stopped, and refused attempts, in session-service's audit trail. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    RunStore store;

    @Test
    void aStoppedSessionNamesWhoStoppedItWithWhichRole() {
        PolicyView policy = new PolicyView(UUID.randomUUID(), "p", true, UUID.randomUUID(), null,
                new PolicyScope(List.of("all"), List.of(), true, true, false, false, Map.of()), null, 30,
                new PolicyOptions(1000L, Duration.ofHours(24), 2, 50), 1);
        Run reserved = store.reserve(policy, StartRun.Trigger.MANUAL);
        RunView run = store.storePlan(reserved.id, new PlannedRun(BackupKind.INITIAL,
                RunPlanner.plan(new PlanInput(false, false, 1000, 2, Map.of("Account", 10L))), List.of("planned for a test")));
        String session = run.sessions().getFirst().id().toString();
        given().auth().oauth2(TestTokens.operator()).header("X-Request-Id", "stop-" + session).post("/api/v1/sessions/" + session + "/stop")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).queryParam("action", "session.stop").queryParam("actor", "test-operator")
                .queryParam("size", 500).get("/api/v1/audit").then().statusCode(200)
                .body("items.find { it.requestId == 'stop-" + session + "' }.target", equalTo("/api/v1/sessions/" + session + "/stop"))
                .body("items.find { it.requestId == 'stop-" + session + "' }.role", equalTo("operator"))
                .body("items.find { it.requestId == 'stop-" + session + "' }.outcome", equalTo("SUCCESS"));
    }

    @Test
    void aRefusedStartIsRecordedAsDenied() {
        given().auth().oauth2(TestTokens.viewer()).header("X-Request-Id", "denied-start").contentType(ContentType.JSON)
                .body(new StartRun(UUID.randomUUID(), StartRun.Trigger.MANUAL)).post("/api/v1/runs").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).queryParam("action", "run.start").queryParam("outcome", "DENIED").queryParam("size", 500)
                .get("/api/v1/audit").then().statusCode(200).body("items.requestId", hasItem("denied-start"));
    }
}
