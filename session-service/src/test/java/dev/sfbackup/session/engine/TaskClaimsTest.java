package dev.sfbackup.session.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.Session;
import dev.sfbackup.session.Task;
import dev.sfbackup.session.repository.SessionLogRepository;
import dev.sfbackup.session.repository.TaskRepository;
import dev.sfbackup.session.service.PlannedSession;
import dev.sfbackup.session.service.PlannedTask;
import dev.sfbackup.session.service.RunStore;
import dev.sfbackup.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claims against the real database (the engine loop is off in the test profile, so only these calls claim). */
@QuarkusTest
class TaskClaimsTest {

    private static final String WORK = "WORK";
    private static final String FINISH = "FINISH";
    private static final Set<String> KINDS = Set.of(WORK, FINISH);

    @Inject
    RunStore store;

    @Inject
    TaskClaims claims;

    @Inject
    TaskRepository tasks;

    @Inject
    TaskProgress progress;

    @Inject
    SessionLogRepository log;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void onlyThisTestsRunIsActive() {
        // the tasks too: releaseStale counts every stale task in the database, and an earlier test's may be stale by now
        EngineTestRuns.endEveryActiveRun(em);
    }

    @AfterEach
    void clockBackToNow() {
        clock.reset();
    }

    /** One session of three WORK tasks and, a stage later, one FINISH task. */
    private RunView plannedRun(int parallelism) {
        return EngineTestRuns.plan(store, parallelism, Duration.ofHours(24), new PlannedSession(SessionType.DATA, "objects",
                List.of(new PlannedTask(WORK, "Account", 10L), new PlannedTask(WORK, "Contact", 20L),
                        new PlannedTask(WORK, "Case", 30L), new PlannedTask(FINISH, "all", null, 1))));
    }

    @Test
    void claimsRespectTheRunsParallelismAndNeverHandOutATaskTwice() {
        RunView run = plannedRun(2);
        Optional<ClaimedTask> first = claims.claim("engine-a", KINDS);
        Optional<ClaimedTask> second = claims.claim("engine-b", KINDS);
        Optional<ClaimedTask> third = claims.claim("engine-a", KINDS);
        assertTrue(first.isPresent() && second.isPresent());
        assertNotEquals(first.get().taskId(), second.get().taskId());
        assertEquals(run.id(), first.get().runId());
        assertEquals(WORK, first.get().kind());
        assertTrue(third.isEmpty(), "parallelism 2: a third task waits");
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals("engine-a", tasks.findById(first.get().taskId()).claimedBy);
            assertEquals(TaskStatus.RUNNING, tasks.findById(second.get().taskId()).status);
        });
    }

    @Test
    void aSessionAndItsRunStartAtTheirFirstClaimAndStayRunningThroughTheNext() {
        RunView run = plannedRun(4);
        ClaimedTask first = claims.claim("engine-a", KINDS).orElseThrow();
        Instant started = QuarkusTransaction.requiringNew().call(() -> {
            Session session = em.find(Session.class, first.sessionId());
            assertEquals(SessionStatus.RUNNING, session.status, "the first claim starts the session");
            assertEquals(SessionStatus.RUNNING, em.find(Run.class, run.id()).status, "and its run");
            return session.startedAt;
        });
        assertTrue(started != null);
        clock.advance(Duration.ofMinutes(1));
        claims.claim("engine-b", KINDS).orElseThrow();
        progress.finish(first.taskId(), "engine-a", TaskOutcome.success("done"), false);
        QuarkusTransaction.requiringNew().run(() -> {
            Session session = em.find(Session.class, first.sessionId());
            assertEquals(SessionStatus.RUNNING, session.status, "a task still runs, two wait");
            assertEquals(started, session.startedAt, "a later claim does not restart the session");
            assertEquals(SessionStatus.RUNNING, em.find(Run.class, run.id()).status);
        });
    }

    @Test
    void aTaskOfALaterStageStartsOnlyOnceEveryEarlierTaskOfItsSessionEnded() {
        plannedRun(4);
        List<ClaimedTask> work = List.of(claims.claim("engine-a", KINDS).orElseThrow(), claims.claim("engine-a", KINDS).orElseThrow(),
                claims.claim("engine-b", KINDS).orElseThrow());
        assertEquals(List.of(WORK, WORK, WORK), work.stream().map(ClaimedTask::kind).toList());
        assertTrue(claims.claim("engine-a", KINDS).isEmpty(), "the FINISH task waits while WORK tasks run");
        progress.finish(work.get(0).taskId(), "engine-a", TaskOutcome.success("done"), false);
        progress.finish(work.get(1).taskId(), "engine-a", TaskOutcome.error("failed"), false);
        assertTrue(claims.claim("engine-a", KINDS).isEmpty(), "one WORK task still runs");
        progress.finish(work.get(2).taskId(), "engine-b", TaskOutcome.success("done"), false);
        ClaimedTask finish = claims.claim("engine-a", KINDS).orElseThrow();
        assertEquals(FINISH, finish.kind(), "earlier tasks ended, whatever their outcome");
    }

    @Test
    void anInstanceClaimsOnlyTheKindsItHasAnExecutorFor() {
        plannedRun(4);
        assertTrue(claims.claim("engine-a", Set.of("RESTORE_RECORDS")).isEmpty());
        assertEquals(WORK, claims.claim("engine-a", Set.of(WORK)).orElseThrow().kind());
    }

    @Test
    void abandonedTaskGoesBackToPendingUntilItsThirdAttemptThenEndsInError() {
        plannedRun(1);
        ClaimedTask claimed = claims.claim("engine-a", KINDS).orElseThrow();
        for (int attempt = 1; attempt <= TaskClaims.MAX_ATTEMPTS; attempt++) {
            assertEquals(0, claims.releaseStale(), "a fresh heartbeat is not stale");
            clock.advance(Duration.ofHours(1));
            assertEquals(1, claims.releaseStale());
            if (attempt < TaskClaims.MAX_ATTEMPTS) {
                ClaimedTask resumed = claims.claim("engine-b", KINDS).orElseThrow();
                assertEquals(claimed.taskId(), resumed.taskId());
                assertEquals(attempt + 1, resumed.attempt());
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Task task = tasks.findById(claimed.taskId());
            assertEquals(TaskStatus.ERROR, task.status, "nothing stays RUNNING forever");
            assertTrue(task.message.contains("after 3 attempts"), task.message);
            assertTrue(log.bySession(claimed.sessionId(), 0, 100).stream()
                    .anyMatch(line -> line.message.contains("stopped after attempt 1; the next claimant resumes the task")));
        });
    }

    @Test
    void heartbeatsKeepAClaimAliveAsTheClockMoves() {
        plannedRun(1);
        ClaimedTask claimed = claims.claim("engine-a", KINDS).orElseThrow();
        clock.advance(Duration.ofSeconds(50));
        claims.heartbeat("engine-a", List.of(claimed.taskId()));
        clock.advance(Duration.ofSeconds(50));
        assertEquals(0, claims.releaseStale(), "the last heartbeat is 50 s old, within staleAfter (one minute)");
        clock.advance(Duration.ofSeconds(20));
        assertEquals(1, claims.releaseStale());
    }

    /**
     * A heartbeat that waited for a task row another transaction held, while holding the row of another task it had
     * renewed, closed a deadlock with a progress update (its task, then its session) and a task's end (its session,
     * then its task). It skips such a row: that transaction is writing the task right now.
     */
    @Test
    void aHeartbeatSkipsATaskAnotherTransactionHoldsInsteadOfWaitingForIt() throws Exception {
        plannedRun(2);
        UUID held = claims.claim("engine-a", KINDS).orElseThrow().taskId();
        UUID free = claims.claim("engine-a", KINDS).orElseThrow().taskId();
        clock.advance(Duration.ofSeconds(30));
        Instant renewedFrom = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select 1 from task where id = ? for update")) {
                lock.setObject(1, held);
                lock.executeQuery().close();
            }
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> claims.heartbeat("engine-a", List.of(held, free)),
                    "the heartbeat waited for the held task");
            assertFalse(heartbeatOf(free).isBefore(renewedFrom), "the other task's claim is renewed");
            assertTrue(heartbeatOf(held).isBefore(renewedFrom), "the held task is left to the transaction that holds it");
            other.rollback();
        }
        claims.heartbeat("engine-a", List.of(held, free));
        assertFalse(heartbeatOf(held).isBefore(renewedFrom));
    }

    private Instant heartbeatOf(UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> tasks.findById(taskId).heartbeatAt);
    }

    @Test
    void aRestartedAttemptCountsOnlyItsOwnRecordsButKeepsTheApiCallsOfTheFailedOne() {
        plannedRun(1);
        ClaimedTask task = claims.claim("engine-a", KINDS).orElseThrow();
        assertEquals(Optional.empty(), progress.record(task.taskId(), "engine-a", new Progress(10, 10, 0, 0, 0, 1000, 3)));
        progress.restartCounters(task.taskId());
        progress.record(task.taskId(), "engine-a", new Progress(10, 10, 0, 0, 0, 1000, 2));

        assertEquals(new TaskCounters(10, 10, 0, 0, 0), progress.counters(task.taskId()));
        Task stored = QuarkusTransaction.requiringNew().call(() -> tasks.findById(task.taskId()));
        assertEquals(5, stored.apiCalls, "the failed attempt's requests were spent");
        assertEquals(1000, stored.bytes);
    }

    @Test
    void progressAnswersWhyATaskMustStop() {
        RunView run = plannedRun(1);
        ClaimedTask task = claims.claim("engine-a", KINDS).orElseThrow();
        assertEquals(Optional.of("the claim on this task was lost (taken over by engine-a)"),
                progress.record(task.taskId(), "engine-b", Progress.NONE));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update session set stop_requested = true where id = :id")
                .setParameter("id", run.sessions().get(0).id()).executeUpdate());
        assertEquals(Optional.of("stopped by an operator"), progress.record(task.taskId(), "engine-a", Progress.NONE));
    }
}
