package dev.sfbackup.session.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.security.Roles;
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

/** Two orgs, each with a policy and a run: a caller limited to one org sees and stops only that org's runs and sessions. */
@QuarkusTest
class OrgScopingTest {

    @Inject
    RunStore store;

    private RunView runOf(UUID connectionId) {
        PolicyView policy = new PolicyView(UUID.randomUUID(), "p", true, connectionId, null,
                new PolicyScope(List.of("all"), List.of(), true, true, false, false, Map.of()), null, 30,
                new PolicyOptions(1000L, Duration.ofHours(24), 2, 50), 1);
        Run run = store.reserve(policy, StartRun.Trigger.MANUAL);
        return store.storePlan(run.id, new PlannedRun(BackupKind.INITIAL,
                RunPlanner.plan(new PlanInput(false, false, 1000, 2, Map.of("Account", 10L))), List.of("planned for a test")));
    }

    @Test
    void aCallerLimitedToOneOrgSeesOnlyItsRunsAndSessions() {
        UUID orgA = UUID.randomUUID();
        UUID orgB = UUID.randomUUID();
        RunView runA = runOf(orgA);
        RunView runB = runOf(orgB);
        String viewerOfA = TestTokens.of(Roles.VIEWER, orgA);

        given().auth().oauth2(viewerOfA).get("/api/v1/runs/" + runA.id()).then().statusCode(200);
        given().auth().oauth2(viewerOfA).get("/api/v1/runs/" + runB.id()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(viewerOfA).queryParam("policyId", runB.policyId()).get("/api/v1/runs").then().statusCode(200)
                .body("size()", equalTo(0));
        given().auth().oauth2(viewerOfA).get("/api/v1/runs").then().statusCode(200)
                .body("id", hasItem(runA.id().toString())).body("id", not(hasItem(runB.id().toString())));

        UUID sessionB = runB.sessions().getFirst().id();
        given().auth().oauth2(viewerOfA).get("/api/v1/sessions").then().statusCode(200)
                .body("items.runId", everyItem(equalTo(runA.id().toString())));
        given().auth().oauth2(viewerOfA).get("/api/v1/sessions/" + sessionB).then().statusCode(404);
        given().auth().oauth2(viewerOfA).get("/api/v1/sessions/" + sessionB + "/log").then().statusCode(404);
        // every org: both
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/runs/" + runB.id()).then().statusCode(200);
    }

    @Test
    void anOperatorOfOneOrgCannotStopAnotherOrgsSession() {
        UUID orgA = UUID.randomUUID();
        RunView runB = runOf(UUID.randomUUID());
        UUID sessionB = runB.sessions().getFirst().id();
        given().auth().oauth2(TestTokens.of(Roles.OPERATOR, orgA)).post("/api/v1/sessions/" + sessionB + "/stop").then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/sessions/" + sessionB).then().statusCode(200)
                .body("status", equalTo("PENDING"));
    }

    @Test
    void startingARunDirectlyWithoutACredentialIsRefusedAndStoresNothing() {
        UUID policyId = UUID.randomUUID();
        given().auth().none().contentType(ContentType.JSON).body(new StartRun(policyId, StartRun.Trigger.MANUAL))
                .post("/api/v1/runs").then().statusCode(401);
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(new StartRun(policyId, StartRun.Trigger.MANUAL))
                .post("/api/v1/runs").then().statusCode(403);
        given().queryParam("policyId", policyId).get("/api/v1/runs").then().statusCode(200).body("size()", equalTo(0));
    }
}
