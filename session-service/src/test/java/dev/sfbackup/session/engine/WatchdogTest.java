package dev.sfbackup.session.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.session.Session;
import dev.sfbackup.session.repository.SessionRepository;
import dev.sfbackup.session.service.PlannedSession;
import dev.sfbackup.session.service.PlannedTask;
import dev.sfbackup.session.service.RunStore;
import dev.sfbackup.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watchdog against the real database, with the clock moved instead of waited for. */
@QuarkusTest
class WatchdogTest {

    private static final Set<String> KINDS = Set.of("WORK");

    @Inject
    RunStore store;

    @Inject
    TaskClaims claims;

    @Inject
    TaskProgress progress;

    @Inject
    Watchdog watchdog;

    @Inject
    SessionRepository sessions;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @BeforeEach
    void onlyThisTestsRunIsActive() {
        EngineTestRuns.endEveryActiveRun(em);
    }

    @AfterEach
    void clockBackToNow() {
        clock.reset();
    }

    /** A run with an inactivity timeout of ten minutes, its one task claimed; answers the task. */
    private ClaimedTask runningTask() {
        RunView planned = EngineTestRuns.plan(store, 1, Duration.ofMinutes(10),
                new PlannedSession(SessionType.DATA, "objects", List.of(new PlannedTask("WORK", "Account", 10L))));
        ClaimedTask task = claims.claim("engine-a", KINDS).orElseThrow();
        assertEquals(planned.id(), task.runId());
        return task;
    }

    private SessionStatus status(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> sessions.findById(sessionId).status);
    }

    @Test
    void aSessionWithoutProgressForLongerThanItsInactivityTimeoutEndsFailedAndItsTaskIsToldToStop() {
        ClaimedTask task = runningTask();
        clock.advance(Duration.ofMinutes(9));
        assertEquals(0, watchdog.terminateIdleSessions());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, watchdog.terminateIdleSessions());

        assertEquals(SessionStatus.FAILED, status(task.sessionId()));
        Session failed = QuarkusTransaction.requiringNew().call(() -> sessions.findById(task.sessionId()));
        assertTrue(failed.failureReason.contains("no progress") && failed.failureReason.contains("inactivityTimeout"),
                failed.failureReason);
        assertTrue(progress.record(task.taskId(), "engine-a", Progress.NONE).orElseThrow().startsWith("the session failed: watchdog"));
    }

    @Test
    void recordsReadOrUploadedKeepTheSessionAliveButRequestsAloneDoNot() {
        ClaimedTask task = runningTask();
        clock.advance(Duration.ofMinutes(8));
        progress.record(task.taskId(), "engine-a", new Progress(250, 0, 0, 0, 0, 0, 1));
        clock.advance(Duration.ofMinutes(8));
        assertEquals(0, watchdog.terminateIdleSessions(), "records were read 8 minutes ago");
        progress.record(task.taskId(), "engine-a", new Progress(0, 0, 0, 0, 0, 4096, 0));
        clock.advance(Duration.ofMinutes(8));
        assertEquals(0, watchdog.terminateIdleSessions(), "bytes were uploaded 8 minutes ago");
        progress.record(task.taskId(), "engine-a", Progress.apiCalls(3));
        clock.advance(Duration.ofMinutes(3));
        assertEquals(1, watchdog.terminateIdleSessions(), "11 minutes since the last progress, whatever the requests since");
        assertEquals(SessionStatus.FAILED, status(task.sessionId()));
    }
}
