package dev.sfbackup.session.service;

import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.salesforce.AuthenticationException;
import dev.sfbackup.salesforce.RequestLimitExceededException;
import dev.sfbackup.salesforce.SalesforceException;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.backup.planning.BackupRunPlanning;
import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.config.BackupConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

/**
 * The first step of every run: planning, which asks the org, policy-service and storage-service, so it runs after the
 * run is recorded and outside any request or long transaction. It ends with the plan stored (the engine takes over) or
 * the run FAILED with the reason. While it plans, this instance renews the run's planning heartbeat; a run whose
 * planner stopped (a killed instance) is failed by any instance once the heartbeat is older than stale-after.
 */
@ApplicationScoped
public class RunPlanningStep {

    private static final Logger LOG = Logger.getLogger(RunPlanningStep.class);

    private final BackupRunPlanning planning;
    private final RunStore store;
    private final Event<RunStarted> started;
    private final BackupConfig config;
    private final Clock clock;
    private final Set<UUID> inProgress = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public RunPlanningStep(BackupRunPlanning planning, RunStore store, Event<RunStarted> started, BackupConfig config,
            Clock clock) {
        this.planning = planning;
        this.store = store;
        this.started = started;
        this.config = config;
        this.clock = clock;
    }

    /** Plans the recorded run in the background. */
    public void begin(UUID runId, PolicyView policy) {
        inProgress.add(runId);
        executor.submit(() -> plan(runId, policy));
    }

    private void plan(UUID runId, PolicyView policy) {
        try {
            store.storePlan(runId, planning.plan(runId, policy));
            started.fire(new RunStarted(runId));
        } catch (RuntimeException | Error e) {
            LOG.warnf(e, "planning run %s of policy %s failed", runId, policy.id());
            store.failPlanning(runId, reason(e));
        } finally {
            inProgress.remove(runId);
        }
    }

    @Scheduled(every = "${backup.engine.heartbeat-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (!inProgress.isEmpty()) {
            store.renewPlanning(List.copyOf(inProgress));
        }
    }

    @Scheduled(every = "${backup.engine.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void failAbandoned() {
        if (!config.engine().enabled()) {
            return;
        }
        try {
            for (Run run : store.abandonedPlanning(clock.instant().minus(config.engine().staleAfter()))) {
                store.failPlanning(run.id, "planning abandoned: the session-service instance planning the run stopped"
                        + " (last heartbeat " + run.planningHeartbeatAt + "); nothing was backed up, start the run again");
            }
        } catch (RuntimeException e) {
            LOG.warn("looking for runs whose planning was abandoned failed; retrying at the next poll", e);
        }
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        executor.shutdownNow();
    }

    /** What an operator needs to fix it, naming the failure the way task messages do. */
    static String reason(Throwable error) {
        String what = switch (error) {
            case AuthenticationException auth -> "authentication failed: " + auth.getMessage()
                    + "; correct the connection's credentials (PUT /api/v1/connections/{id} in policy-service)";
            case RequestLimitExceededException limit -> "REQUEST_LIMIT_EXCEEDED, the org's API request limit is exhausted ("
                    + limit.getMessage() + ")";
            case SalesforceException salesforce -> "Salesforce answered " + salesforce.getMessage();
            case RemoteCallRejected rejected -> rejected.getMessage();
            case ProcessingException unreachable -> "a service could not be reached after retries with backoff ("
                    + rootMessage(unreachable) + ")";
            case FaultToleranceException unreachable -> "a service did not answer in time ("
                    + unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage() + ")";
            default -> error.getClass().getSimpleName() + ": " + error.getMessage();
        };
        return "planning failed: " + what + "; nothing was backed up";
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
