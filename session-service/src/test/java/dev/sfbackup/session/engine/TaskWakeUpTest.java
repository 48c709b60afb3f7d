package dev.sfbackup.session.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.session.Task;
import dev.sfbackup.session.repository.TaskRepository;
import dev.sfbackup.session.service.PlannedSession;
import dev.sfbackup.session.service.PlannedTask;
import dev.sfbackup.session.service.RunStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wake-ups between instances against the real database. The engine runs here with its poll switched off, so a task
 * this instance starts can only have been started by a wake-up it heard.
 */
@QuarkusTest
@TestProfile(TaskWakeUpTest.EngineWithoutPoll.class)
class TaskWakeUpTest {

    private static final String PROBE = "WAKE_UP_PROBE";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    public static class EngineWithoutPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a claim keeps trying a busy run far longer than the test holds its row, however slow the machine
            return Map.of("backup.engine.enabled", "true", "backup.engine.poll-every", "off",
                    "backup.engine.busy-run-patience", "PT60S");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ProbeExecutor.class);
        }
    }

    /** Ends the tasks of its kind at once: only whether, and by whom, they were claimed matters here. */
    @Alternative
    @ApplicationScoped
    static class ProbeExecutor implements TaskExecutor {
        @Override
        public String kind() {
            return PROBE;
        }

        @Override
        public TaskOutcome execute(ClaimedTask task, TaskContext context) {
            return TaskOutcome.success("probed");
        }
    }

    @Inject
    RunStore store;

    @Inject
    TaskWakeUps wakeUps;

    @Inject
    TaskDispatcher dispatcher;

    @Inject
    TaskRepository tasks;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void onlyThisTestsRunIsActive() {
        EngineTestRuns.endEveryActiveRun(em);
    }

    @Test
    void aWakeUpSentForARunMakesThisInstanceStartItsTaskWithoutAPoll() {
        UUID runId = plannedProbeRun();
        awaitStartedAfterWakeUps(runId);
    }

    @Test
    void afterItsConnectionWasCutTheListenerConnectsAgainAndHearsWakeUps() {
        awaitStartedAfterWakeUps(plannedProbeRun());
        int cut = listenerPid().orElseThrow(() -> new AssertionError("no connection named " + TaskWakeUpListener.APPLICATION_NAME));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("select pg_terminate_backend(:pid)")
                .setParameter("pid", cut).getSingleResult());

        Instant deadline = Instant.now().plus(WITHIN);
        while (listenerPid().filter(pid -> pid != cut).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                fail("the listener did not connect again within " + WITHIN);
            }
            pause();
        }
        awaitStartedAfterWakeUps(plannedProbeRun());
    }

    @Test
    void aWakeUpWhileAnotherInstanceHoldsTheRunsRowStartsItsTaskOnceTheRowIsFree() throws Exception {
        awaitStartedAfterWakeUps(plannedProbeRun());
        UUID runId = plannedProbeRun();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from run where id = ? for update")) {
                lock.setObject(1, runId);
                lock.executeQuery();
            }
            wakeUps.send(runId);
            Thread.sleep(300); // as long as another instance's claim or task end holds the row: the wake-up finds it busy
            other.commit();
        }
        awaitStarted(runId, () -> { }); // no further wake-up: only the first one's claims can start it
    }

    private UUID plannedProbeRun() {
        return EngineTestRuns.plan(store, 1, Duration.ofHours(24),
                new PlannedSession(SessionType.DATA, "probe", List.of(new PlannedTask(PROBE, "Account", 1L)))).id();
    }

    /**
     * Sends the run's wake-up until its task left PENDING, as another instance would (again: a wake-up sent before the
     * listener's LISTEN is lost, which the poll makes up for in production), and checks that this instance claimed it.
     */
    private void awaitStartedAfterWakeUps(UUID runId) {
        awaitStarted(runId, () -> wakeUps.send(runId));
    }

    private void awaitStarted(UUID runId, Runnable eachTry) {
        Instant deadline = Instant.now().plus(WITHIN);
        while (Instant.now().isBefore(deadline)) {
            eachTry.run();
            Task task = QuarkusTransaction.requiringNew().call(() -> tasks.find("runId", runId).singleResult());
            if (task.status != TaskStatus.PENDING) {
                assertEquals(dispatcher.instanceId(), task.claimedBy);
                assertNotEquals(TaskStatus.ERROR, task.status, task.message);
                return;
            }
            pause();
        }
        fail("the task of run " + runId + " was not started within " + WITHIN);
    }

    private Optional<Integer> listenerPid() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select pid from pg_stat_activity where application_name = :name and datname = current_database()",
                Integer.class).setParameter("name", TaskWakeUpListener.APPLICATION_NAME).getResultStream().findFirst());
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
