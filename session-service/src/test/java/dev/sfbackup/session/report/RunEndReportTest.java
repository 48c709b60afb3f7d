package dev.sfbackup.session.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.api.alert.AlertOutcome;
import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.engine.Watchdog;
import dev.sfbackup.session.service.PlannedRun;
import dev.sfbackup.session.service.PlannedSession;
import dev.sfbackup.session.service.PlannedTask;
import dev.sfbackup.session.service.RunPlan;
import dev.sfbackup.session.service.RunStore;
import dev.sfbackup.session.service.StatusRefresher;
import dev.sfbackup.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How ended runs are reported: anomalies on the run, alerts to policy-service (a stub here), metrics at /q/metrics. */
@QuarkusTest
@TestProfile(RunEndReportTest.AlertsToThisApp.class)
class RunEndReportTest {

    /** policy-service's alert endpoint is served by this test application itself. */
    public static class AlertsToThisApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.policy-service.url", "http://localhost:${quarkus.http.test-port}");
        }
    }

    private static final String DATA = "BACKUP_DATA";

    @Inject
    RunStore store;

    @Inject
    StatusRefresher status;

    @Inject
    RunEndReporter reporter;

    @Inject
    Watchdog watchdog;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @AfterEach
    void clockBackToNow() {
        clock.reset();
    }

    @Test
    void anIncrementalRunThatDeletesMoreThanFivePercentOfAnObjectShowsTheAnomalyAndAlertsIt() {
        UUID policy = UUID.randomUUID();
        UUID run = endedRun(policy, BackupKind.INCREMENTAL, Map.of("Account", new long[] {1000, 3, 80}, "Contact", new long[] {500, 2, 20}));

        reporter.reportEnded();

        JsonPath view = given().when().get("/api/v1/runs/" + run).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Account"), view.getList("anomalies.object"), "20 of 500 Contacts is 4%: not unusual");
        assertEquals("DELETIONS", view.getString("anomalies[0].kind"));
        assertEquals(80, view.getLong("anomalies[0].observed"));
        assertTrue(view.getString("anomalies[0].description").contains("80 of 1000 Account records deleted"), view.prettify());
        List<AlertEvent> alerts = PolicyAlertsStub.of(policy);
        assertEquals(List.of(AlertOutcome.SUCCESS, AlertOutcome.ANOMALY), alerts.stream().map(AlertEvent::outcome).toList());
        assertEquals(run, alerts.get(1).runId());
        assertTrue(alerts.get(1).what().contains("80 of 1000 Account records deleted"), alerts.get(1).what());
    }

    @Test
    void tenTimesTheUsualChangesOfAnObjectIsAnAnomalyAndTwiceIsNot() {
        UUID policy = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            endedRun(policy, BackupKind.INCREMENTAL, Map.of("Lead", new long[] {10_000, 20, 0}));
            clock.advance(Duration.ofHours(1));
        }
        UUID usual = endedRun(policy, BackupKind.INCREMENTAL, Map.of("Lead", new long[] {10_000, 40, 0}));
        clock.advance(Duration.ofHours(1));
        UUID load = endedRun(policy, BackupKind.INCREMENTAL, Map.of("Lead", new long[] {10_000, 2_000, 0}));

        reporter.reportEnded();

        assertEquals(List.of(), given().when().get("/api/v1/runs/" + usual).then().statusCode(200).extract().jsonPath()
                .getList("anomalies"));
        JsonPath view = given().when().get("/api/v1/runs/" + load).then().statusCode(200).extract().jsonPath();
        assertEquals("CHANGES", view.getString("anomalies[0].kind"));
        assertEquals(2_000, view.getLong("anomalies[0].observed"));
        assertTrue(view.getLong("anomalies[0].baseline") >= 20 && view.getLong("anomalies[0].baseline") <= 40, view.prettify());
    }

    @Test
    void anInitialRunIsNeverAnomalous() {
        UUID policy = UUID.randomUUID();
        UUID run = endedRun(policy, BackupKind.INITIAL, Map.of("Account", new long[] {1000, 1000, 900}));

        reporter.reportEnded();

        assertEquals(List.of(), given().when().get("/api/v1/runs/" + run).then().statusCode(200).extract().jsonPath().getList("anomalies"));
        assertEquals(List.of(AlertOutcome.SUCCESS), PolicyAlertsStub.of(policy).stream().map(AlertEvent::outcome).toList());
    }

    @Test
    void aSessionEndedByTheWatchdogIsAlertedAsAFailedRunThatSaysSo() {
        UUID policy = UUID.randomUUID();
        UUID run = plan(policy, BackupKind.INCREMENTAL, Map.of("Case", new long[] {100, 0, 0}));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update session set status = 'RUNNING', started_at = ?1, last_progress_at = ?1 where run_id = ?2")
                .setParameter(1, clock.instant()).setParameter(2, run).executeUpdate());
        clock.advance(Duration.ofHours(2));
        watchdog.terminateIdleSessions();

        reporter.reportEnded();

        List<AlertEvent> alerts = PolicyAlertsStub.of(policy);
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(AlertOutcome.FAILED, alerts.getFirst().outcome());
        assertTrue(alerts.getFirst().what().contains("ended by the watchdog"), alerts.getFirst().what());
    }

    @Test
    void aRunIsReportedOnceAndItsMetricsAreScraped() {
        UUID policy = UUID.randomUUID();
        endedRun(policy, BackupKind.INCREMENTAL, Map.of("Account", new long[] {1000, 5, 0}));
        reporter.reportEnded();
        reporter.reportEnded();
        assertEquals(1, PolicyAlertsStub.of(policy).size(), "reported twice");
        clock.advance(Duration.ofMinutes(10));

        String metrics = given().auth().none().when().get("/q/metrics").then().statusCode(200).extract().asString();
        String tag = "policy=\"" + policy + "\"";
        assertTrue(line(metrics, "backup_runs_total{", tag).contains("status=\"SUCCESS\""), "runs by policy and status");
        assertTrue(line(metrics, "backup_runs_total{", tag).endsWith(" 1.0"), line(metrics, "backup_runs_total{", tag));
        assertTrue(line(metrics, "backup_run_duration_seconds_count{", tag).endsWith(" 1.0"));
        assertTrue(line(metrics, "backup_run_records_sum{", tag).endsWith(" 5.0"),
                line(metrics, "backup_run_records_sum{", tag));
        double age = Double.parseDouble(line(metrics, "backup_restore_point_age_seconds{", tag).replaceAll(".* ", ""));
        assertTrue(age >= 600 && age < 700, "the clock moved 10 minutes past the run's end: " + age);
    }

    private static String line(String metrics, String prefix, String tag) {
        return metrics.lines().filter(l -> l.startsWith(prefix) && l.contains(tag)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " line with " + tag));
    }

    /** A run of the policy whose DATA tasks ended SUCCESS with {size, new-or-changed, deleted} per object. */
    private UUID endedRun(UUID policy, BackupKind kind, Map<String, long[]> objects) {
        UUID run = plan(policy, kind, objects);
        for (Map.Entry<String, long[]> object : objects.entrySet()) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update task set status = 'SUCCESS',"
                    + " records_read = ?1, records_changed = ?1, records_deleted = ?2, started_at = ?3, ended_at = ?3"
                    + " where run_id = ?4 and object_name = ?5").setParameter(1, object.getValue()[1])
                    .setParameter(2, object.getValue()[2]).setParameter(3, clock.instant()).setParameter(4, run)
                    .setParameter(5, object.getKey()).executeUpdate());
        }
        List<?> sessionIds = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from session where run_id = ?1").setParameter(1, run).getResultList());
        sessionIds.forEach(id -> status.refreshSession((UUID) id));
        return run;
    }

    private UUID plan(UUID policy, BackupKind kind, Map<String, long[]> objects) {
        PolicyView view = new PolicyView(policy, "p", true, UUID.randomUUID(), null,
                new PolicyScope(List.of("all"), List.of(), true, true, false, false, Map.of()), null, 30,
                new PolicyOptions(1000L, Duration.ofHours(1), 2, 50), 1);
        Run run = store.reserve(view, StartRun.Trigger.SCHEDULED);
        List<PlannedTask> tasks = objects.entrySet().stream()
                .map(object -> new PlannedTask(DATA, object.getKey(), object.getValue()[0])).toList();
        store.storePlan(run.id, new PlannedRun(kind, new RunPlan(List.of(new PlannedSession(SessionType.DATA, "data", tasks)), 2),
                List.of()));
        return run.id;
    }
}
