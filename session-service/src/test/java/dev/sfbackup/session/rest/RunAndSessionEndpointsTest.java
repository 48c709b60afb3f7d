package dev.sfbackup.session.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.backup.planning.PlanInput;
import dev.sfbackup.session.backup.planning.RunPlanner;
import dev.sfbackup.session.service.PlannedRun;
import dev.sfbackup.session.service.RunStore;
import dev.sfbackup.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RunAndSessionEndpointsTest {

    @Inject
    RunStore store;

    private static PolicyView policy() {
        return new PolicyView(UUID.randomUUID(), "p", true, UUID.randomUUID(), null,
                new PolicyScope(List.of("all"), List.of(), true, true, false, false, Map.of()), null, 30,
                new PolicyOptions(1000L, Duration.ofHours(24), 2, 50), 1);
    }

    /** Stores a planned run directly (no org needed): the engine is disabled in this test profile. */
    private RunView plannedRun(PolicyView policy) {
        Run run = store.reserve(policy, StartRun.Trigger.MANUAL);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("Account", 10L);
        counts.put("Contact", 5000L);
        return store.storePlan(run.id, new PlannedRun(BackupKind.INITIAL,
                RunPlanner.plan(new PlanInput(false, false, 1000, 2, counts)), List.of("planned for a test")));
    }

    @Test
    void startingARunWithoutPolicyIdIsRejectedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"trigger\":\"MANUAL\"}").post("/api/v1/runs").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("policyId"));
    }

    @Test
    void startingARunWhilePolicyServiceIsDownIs503AndStoresNothing() {
        UUID policyId = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(new StartRun(policyId, StartRun.Trigger.MANUAL)).post("/api/v1/runs").then()
                .statusCode(503).contentType("application/problem+json");
        given().queryParam("policyId", policyId).get("/api/v1/runs").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void theDatabaseRefusesASecondActiveRunOfAPolicy() {
        PolicyView policy = policy();
        store.reserve(policy, StartRun.Trigger.MANUAL);
        RuntimeException second = assertThrows(RuntimeException.class, () -> store.reserve(policy, StartRun.Trigger.SCHEDULED));
        Throwable root = second;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals(true, root.getMessage().contains("run_one_active_per_policy"), root.getMessage());
    }

    @Test
    void runListsItsSessionsAndIsFoundAsActive() {
        PolicyView policy = policy();
        RunView run = plannedRun(policy);
        assertEquals(List.of(SessionType.DATA, SessionType.DATA), run.sessions().stream().map(RunView.SessionSummary::type).toList());
        given().get("/api/v1/runs/" + run.id()).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("kind", equalTo("INITIAL")).body("trigger", equalTo("MANUAL"))
                .body("sessions", hasSize(2));
        given().queryParam("policyId", policy.id()).queryParam("active", true).get("/api/v1/runs").then()
                .statusCode(200).body("id", equalTo(List.of(run.id().toString())));
    }

    @Test
    void sessionDetailShowsTasksCountersAndLog() {
        RunView run = plannedRun(policy());
        UUID small = run.sessions().get(1).id();
        given().get("/api/v1/sessions/" + small).then().statusCode(200)
                .body("type", equalTo("DATA")).body("label", equalTo("objects")).body("tasks.object", equalTo(List.of("Account")))
                .body("tasks[0].status", equalTo("PENDING")).body("tasks[0].kind", equalTo("BACKUP_DATA")).body("counters.recordsRead", equalTo(0));
        given().get("/api/v1/sessions/" + small + "/log").then().statusCode(200).body("message", hasItem("planned for a test"));
    }

    @Test
    void sessionsArePagedNewestFirstAndFilteredByPolicyAndStatus() {
        PolicyView policy = policy();
        RunView run = plannedRun(policy);
        given().queryParam("policyId", policy.id()).queryParam("size", 1).get("/api/v1/sessions").then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(1)).body("size", equalTo(1));
        given().queryParam("policyId", policy.id()).queryParam("status", "FAILED").get("/api/v1/sessions").then()
                .statusCode(200).body("total", equalTo(0));
        given().queryParam("size", 0).get("/api/v1/sessions").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("policyId", policy.id()).get("/api/v1/sessions").then().statusCode(200)
                .body("items.runId", everyItemIs(run.id().toString()));
    }

    @Test
    void stoppingAPendingSessionEndsItStoppedAndTheRunFollows() {
        RunView run = plannedRun(policy());
        for (RunView.SessionSummary session : run.sessions()) {
            given().post("/api/v1/sessions/" + session.id() + "/stop").then().statusCode(200).body("status", equalTo("STOPPED"));
        }
        given().get("/api/v1/runs/" + run.id()).then().statusCode(200).body("status", equalTo("STOPPED"));
        given().post("/api/v1/sessions/" + run.sessions().get(0).id() + "/stop").then().statusCode(409);
        given().get("/api/v1/sessions/" + run.sessions().get(0).id() + "/log").then().statusCode(200)
                .body("message", hasItem("session ended STOPPED"));
    }

    @Test
    void unknownRunsAndSessionsAre404Problems() {
        given().get("/api/v1/runs/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/sessions/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().post("/api/v1/sessions/" + UUID.randomUUID() + "/stop").then().statusCode(404);
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
