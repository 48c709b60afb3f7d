package dev.sfbackup.session.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.session.BackupTask;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.planning.PlanInput;
import dev.sfbackup.session.planning.RunPlanner;
import dev.sfbackup.session.repository.SessionLogRepository;
import dev.sfbackup.session.repository.TaskRepository;
import dev.sfbackup.session.service.PlannedRun;
import dev.sfbackup.session.service.RunStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claims against the real database (the engine loop is off in the test profile, so only these calls claim). */
@QuarkusTest
class TaskClaimsTest {

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

    @BeforeEach
    void onlyThisTestsRunIsActive() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update run set status = 'STOPPED' where status in ('PENDING', 'RUNNING')").executeUpdate();
            // the tasks too: releaseStale counts every stale task in the database, and an earlier test's may be stale by now
            em.createNativeQuery("update backup_task set status = 'ERROR', ended_at = now() where status in ('PENDING', 'RUNNING')")
                    .executeUpdate();
        });
    }

    private RunView plannedRun(int parallelism) {
        PolicyView policy = new PolicyView(UUID.randomUUID(), "p", true, UUID.randomUUID(), null,
                new PolicyScope(List.of("all"), List.of(), true, true, false, false, Map.of()), null, 30,
                new PolicyOptions(1000L, Duration.ofHours(24), parallelism, 50), 1);
        Run run = store.reserve(policy, StartRun.Trigger.MANUAL);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("Account", 10L);
        counts.put("Contact", 20L);
        counts.put("Case", 30L);
        return store.storePlan(run.id, new PlannedRun(BackupKind.INITIAL,
                RunPlanner.plan(new PlanInput(false, false, 1000, parallelism, counts)), List.of()));
    }

    @Test
    void claimsRespectTheRunsParallelismAndNeverHandOutATaskTwice() {
        RunView run = plannedRun(2);
        Optional<ClaimedTask> first = claims.claim("engine-a");
        Optional<ClaimedTask> second = claims.claim("engine-b");
        Optional<ClaimedTask> third = claims.claim("engine-a");
        assertTrue(first.isPresent() && second.isPresent());
        assertNotEquals(first.get().taskId(), second.get().taskId());
        assertEquals(run.id(), first.get().runId());
        assertTrue(third.isEmpty(), "parallelism 2: a third task waits");
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals("engine-a", tasks.findById(first.get().taskId()).claimedBy);
            assertEquals(TaskStatus.RUNNING, tasks.findById(second.get().taskId()).status);
        });
    }

    @Test
    void abandonedTaskIsResumedFromItsLastBatchAndEndsAfterThreeAttempts() {
        plannedRun(1);
        ClaimedTask claimed = claims.claim("engine-a").orElseThrow();
        UUID pointId = UUID.randomUUID();
        for (int attempt = 1; attempt <= TaskClaims.MAX_ATTEMPTS; attempt++) {
            QuarkusTransaction.requiringNew().run(() -> {
                BackupTask task = tasks.findById(claimed.taskId());
                task.restorePointId = pointId;
                task.pointKind = "INITIAL";
                task.lastBatchSeq = 3;
                task.lastRecordId = "001000000000300";
                task.heartbeatAt = Instant.now().minus(Duration.ofHours(1));
            });
            assertEquals(1, claims.releaseStale());
            if (attempt < TaskClaims.MAX_ATTEMPTS) {
                ClaimedTask resumed = claims.claim("engine-b").orElseThrow();
                assertEquals(claimed.taskId(), resumed.taskId());
                assertTrue(resumed.isResumed());
                assertEquals(3, resumed.lastBatchSeq());
                assertEquals("001000000000300", resumed.lastRecordId());
                assertEquals(attempt + 1, resumed.attempt());
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            BackupTask task = tasks.findById(claimed.taskId());
            assertEquals(TaskStatus.ERROR, task.status, "nothing stays RUNNING forever");
            assertTrue(task.message.contains("after 3 attempts"), task.message);
            assertTrue(log.bySession(claimed.sessionId(), 0, 100).stream().anyMatch(line -> line.message.contains("resumed from batch 3")));
        });
    }

    @Test
    void aRetryIntoAFreshPointCountsOnlyItsOwnRecordsButKeepsTheApiCallsOfTheFailedAttempt() {
        plannedRun(1);
        ClaimedTask task = claims.claim("engine-a").orElseThrow();
        progress.pointOpened(task.taskId(), UUID.randomUUID(), "INITIAL", "SystemModstamp");
        progress.batchStored(task.taskId(), "engine-a", 1, "001A", 10, new BatchResult(1, 10, 10, 0, 0, 0, false), 1000, 3);

        progress.pointOpened(task.taskId(), UUID.randomUUID(), "INITIAL", "SystemModstamp");
        progress.batchStored(task.taskId(), "engine-a", 1, "001A", 10, new BatchResult(1, 10, 10, 0, 0, 0, false), 1000, 2);

        assertEquals(new TaskCounters(10, 10, 0, 0, 0), progress.counters(task.taskId()));
        BackupTask stored = QuarkusTransaction.requiringNew().call(() -> tasks.findById(task.taskId()));
        assertEquals(5, stored.apiCalls, "the failed attempt's requests were spent");
        assertEquals(1000, stored.bytes);
    }
}
