package dev.sfbackup.session.engine;

import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.service.PlannedRun;
import dev.sfbackup.session.service.PlannedSession;
import dev.sfbackup.session.service.RunPlan;
import dev.sfbackup.session.service.RunStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Runs the engine tests store directly (the engine loop is off in the test profile, so only the tests claim). */
final class EngineTestRuns {

    private EngineTestRuns() {
    }

    /** Ends every run, session and task an earlier test left active, so claims and the watchdog see only the test's own. */
    static void endEveryActiveRun(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update run set status = 'STOPPED' where status in ('PENDING', 'RUNNING')").executeUpdate();
            em.createNativeQuery("update session set status = 'STOPPED' where status in ('PENDING', 'RUNNING')").executeUpdate();
            em.createNativeQuery("update task set status = 'ERROR', ended_at = now() where status in ('PENDING', 'RUNNING')")
                    .executeUpdate();
        });
    }

    /** A run of a new policy with that parallelism and inactivity timeout, planned as one session. */
    static RunView plan(RunStore store, int parallelism, Duration inactivityTimeout, PlannedSession session) {
        PolicyView policy = new PolicyView(UUID.randomUUID(), "p", true, UUID.randomUUID(), null,
                new PolicyScope(List.of("all"), List.of(), true, true, false, false, Map.of()), null, 30,
                new PolicyOptions(1000L, inactivityTimeout, parallelism, 50), 1);
        Run run = store.reserve(policy, StartRun.Trigger.MANUAL);
        return store.storePlan(run.id, new PlannedRun(BackupKind.INITIAL, new RunPlan(List.of(session), parallelism), List.of()));
    }
}
