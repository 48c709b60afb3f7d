package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.policy.service.PolicyScheduler;
import dev.sfbackup.policy.support.Poll;
import dev.sfbackup.policy.support.SessionServiceStub;
import dev.sfbackup.policy.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicySchedulerTest {

    private static final Map<String, Object> EVERY_SECOND = Map.of("cron", "* * * * * ?", "timeZone", "Europe/Paris");
    private static final Map<String, Object> NEW_YEAR_2099 = Map.of("cron", "0 0 0 1 1 ? 2099");

    /** generous: the build machine is shared and a loaded JVM fires late */
    private static final Duration FIRING_WAIT = Duration.ofSeconds(30);

    @Inject
    PolicyScheduler scheduler;

    @Test
    void scheduledPolicyFiresAtItsCronWithTriggerScheduled() {
        UUID id = scheduledPolicy(EVERY_SECOND, true);
        assertTrue(Poll.until(FIRING_WAIT, () -> !SessionServiceStub.startsOf(id).isEmpty()), "the schedule never fired");
        assertEquals(StartRun.Trigger.SCHEDULED, SessionServiceStub.startsOf(id).get(0).trigger());
        delete(id);
    }

    @Test
    void policyWhoseRunIsStillActiveIsNotStartedAgain() {
        UUID id = scheduledPolicy(EVERY_SECOND, false);
        SessionServiceStub.ACTIVE_POLICIES.add(id);
        given().when().post("/api/v1/policies/" + id + "/enable").then().statusCode(200);
        long queries = SessionServiceStub.activeQueriesOf(id);
        assertTrue(Poll.until(FIRING_WAIT, () -> SessionServiceStub.activeQueriesOf(id) >= queries + 2),
                "the schedule never asked session-service for active runs");
        assertEquals(0, SessionServiceStub.startsOf(id).size(), "a run was started while the previous one was active");

        SessionServiceStub.ACTIVE_POLICIES.remove(id);
        assertTrue(Poll.until(FIRING_WAIT, () -> !SessionServiceStub.startsOf(id).isEmpty()),
                "the schedule did not resume once the run ended");
        delete(id);
    }

    @Test
    void disabledPolicyNeverFires() throws InterruptedException {
        UUID id = scheduledPolicy(EVERY_SECOND, false);
        assertNull(scheduler.nextFireTime(id), "a disabled policy has no job");
        Thread.sleep(2500);
        assertEquals(0, SessionServiceStub.activeQueriesOf(id));
        assertEquals(0, SessionServiceStub.startsOf(id).size());
    }

    @Test
    void disablingStopsFiringAndEnablingResumesIt() throws InterruptedException {
        UUID id = scheduledPolicy(EVERY_SECOND, true);
        assertTrue(Poll.until(FIRING_WAIT, () -> !SessionServiceStub.startsOf(id).isEmpty()));
        given().when().post("/api/v1/policies/" + id + "/disable").then().statusCode(200);
        assertNull(scheduler.nextFireTime(id));
        int afterDisable = settledStarts(id);
        Thread.sleep(3000);
        assertEquals(afterDisable, SessionServiceStub.startsOf(id).size(), "a disabled policy fired");

        given().when().post("/api/v1/policies/" + id + "/enable").then().statusCode(200);
        assertTrue(Poll.until(FIRING_WAIT, () -> SessionServiceStub.startsOf(id).size() > afterDisable));
        delete(id);
    }

    @Test
    void updatingTheScheduleReRegistersTheJobInItsTimeZone() {
        UUID id = scheduledPolicy(NEW_YEAR_2099, true);
        assertEquals(Instant.parse("2099-01-01T00:00:00Z"), scheduler.nextFireTime(id), "UTC is the default time zone");

        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("moved"), connectionOf(id)));
        body.put("schedule", Map.of("cron", "0 0 0 1 1 ? 2099", "timeZone", "Asia/Tokyo"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/v1/policies/" + id).then().statusCode(200);
        assertEquals(Instant.parse("2098-12-31T15:00:00Z"), scheduler.nextFireTime(id));

        body.remove("schedule");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body)
                .when().put("/api/v1/policies/" + id).then().statusCode(200);
        assertNull(scheduler.nextFireTime(id), "a policy without schedule runs only by hand");
        delete(id);
    }

    @Test
    void deletingAPolicyDropsItsJob() {
        UUID id = scheduledPolicy(NEW_YEAR_2099, true);
        assertNotNull(scheduler.nextFireTime(id));
        delete(id);
        assertNull(scheduler.nextFireTime(id));
    }

    /** A firing already under way when the job was dropped may still finish: wait until the count stops moving. */
    private static int settledStarts(UUID id) throws InterruptedException {
        int before;
        int after = SessionServiceStub.startsOf(id).size();
        do {
            before = after;
            Thread.sleep(3000);
            after = SessionServiceStub.startsOf(id).size();
        } while (after != before);
        return after;
    }

    private static UUID scheduledPolicy(Map<String, Object> schedule, boolean enabled) {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("sched"), TestData.createConnection()));
        body.put("schedule", schedule);
        body.put("enabled", enabled);
        return UUID.fromString(TestData.createPolicy(body));
    }

    private static String connectionOf(UUID policyId) {
        return given().when().get("/api/v1/policies/" + policyId).then().extract().path("connectionId");
    }

    private static void delete(UUID id) {
        String etag = given().when().get("/api/v1/policies/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", etag).when().delete("/api/v1/policies/" + id).then().statusCode(204);
    }
}
