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
import dev.sfbackup.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicySchedulerTest {

    /** The most frequent schedule a policy may have (issue 14: every second is refused). */
    private static final Map<String, Object> EVERY_MINUTE = Map.of("cron", "0 * * * * ?", "timeZone", "Europe/Paris");
    /** 02:00 in Paris on the first of every month: the tests move the clock there, no wall clock reaches it meanwhile. */
    private static final Map<String, Object> MONTHLY = Map.of("cron", "0 0 2 1 * ?", "timeZone", "Europe/Paris");
    private static final Map<String, Object> NEW_YEAR_2099 = Map.of("cron", "0 0 0 1 1 ? 2099");

    /** generous: the build machine is shared and a loaded JVM answers late */
    private static final Duration FIRING_WAIT = Duration.ofSeconds(30);

    @Inject
    PolicyScheduler scheduler;

    @Inject
    MutableClock clock;

    @Inject
    CircuitBreakerMaintenance breakers;

    /**
     * Tests of other classes make session-service's stub fail on purpose, which may leave the breaker in front of it
     * open for a few seconds: a firing meeting it would be a missed schedule and these tests fire each time only once.
     */
    @BeforeEach
    void breakersClosed() {
        breakers.resetAll();
    }

    @AfterEach
    void clockBackToNow() {
        clock.reset();
    }

    @Test
    void scheduledPolicyFiresWhenTheClockReachesItsCronTimeWithTriggerScheduled() {
        UUID id = scheduledPolicy(MONTHLY, true);
        Instant next = scheduler.nextFireTime(id);
        assertEquals(2, next.atZone(ZoneId.of("Europe/Paris")).getHour(), "02:00 in the policy's time zone: " + next);
        assertEquals(Set.of(), withoutOthers(scheduler.fireDue(), id), "not yet");

        moveClockTo(next);
        scheduler.fireDue(); // or the background tick, whichever comes first: the time is used up once
        assertTrue(Poll.until(FIRING_WAIT, () -> !SessionServiceStub.startsOf(id).isEmpty()), "the schedule never fired");
        assertEquals(StartRun.Trigger.SCHEDULED, SessionServiceStub.startsOf(id).get(0).trigger());
        assertTrue(scheduler.nextFireTime(id).isAfter(next), "then the next month's time: " + scheduler.nextFireTime(id));
        delete(id);
    }

    @Test
    void policyWhoseRunIsStillActiveIsNotStartedAgain() {
        UUID id = scheduledPolicy(EVERY_MINUTE, false);
        SessionServiceStub.ACTIVE_POLICIES.add(id);
        given().when().post("/api/v1/policies/" + id + "/enable").then().statusCode(200);
        long queries = SessionServiceStub.activeQueriesOf(id);
        // each minute's fire time is reached by moving the clock (a firing still under way skips that minute)
        assertTrue(Poll.until(FIRING_WAIT, () -> nextMinute(id) && SessionServiceStub.activeQueriesOf(id) >= queries + 2),
                "the schedule never asked session-service for active runs");
        assertEquals(0, SessionServiceStub.startsOf(id).size(), "a run was started while the previous one was active");

        SessionServiceStub.ACTIVE_POLICIES.remove(id);
        assertTrue(Poll.until(FIRING_WAIT, () -> nextMinute(id) && !SessionServiceStub.startsOf(id).isEmpty()),
                "the schedule did not resume once the run ended");
        delete(id);
    }

    @Test
    void disabledPolicyNeverFires() {
        UUID id = scheduledPolicy(MONTHLY, false);
        assertNull(scheduler.nextFireTime(id), "a disabled policy has no job");
        clock.advance(Duration.ofDays(62));
        assertEquals(Set.of(), withoutOthers(scheduler.fireDue(), id), "two months on, it still has not fired");
        assertEquals(0, SessionServiceStub.activeQueriesOf(id));
        assertEquals(0, SessionServiceStub.startsOf(id).size());
    }

    @Test
    void disablingStopsFiringAndEnablingResumesIt() {
        UUID id = scheduledPolicy(MONTHLY, true);
        moveClockTo(scheduler.nextFireTime(id));
        scheduler.fireDue();
        assertTrue(Poll.until(FIRING_WAIT, () -> SessionServiceStub.startsOf(id).size() == 1));
        given().when().post("/api/v1/policies/" + id + "/disable").then().statusCode(200);
        assertNull(scheduler.nextFireTime(id));
        clock.advance(Duration.ofDays(62));
        assertEquals(Set.of(), withoutOthers(scheduler.fireDue(), id), "a disabled policy fired");

        given().when().post("/api/v1/policies/" + id + "/enable").then().statusCode(200);
        moveClockTo(scheduler.nextFireTime(id));
        scheduler.fireDue();
        assertTrue(Poll.until(FIRING_WAIT, () -> SessionServiceStub.startsOf(id).size() == 2));
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

    private boolean nextMinute(UUID id) {
        moveClockTo(scheduler.nextFireTime(id));
        scheduler.fireDue();
        return true;
    }

    private void moveClockTo(Instant time) {
        clock.advance(Duration.between(clock.instant(), time));
    }

    /** The policies of other tests of this class may be due too: only this test's policy counts. */
    private static Set<UUID> withoutOthers(Set<UUID> fired, UUID policyId) {
        return fired.contains(policyId) ? Set.of(policyId) : Set.of();
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
