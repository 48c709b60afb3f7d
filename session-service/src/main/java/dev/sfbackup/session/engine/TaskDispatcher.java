package dev.sfbackup.session.engine;

import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.service.RunStarted;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * The engine loop of this instance: claims tasks from the database while it has free workers and runs each on a
 * virtual thread. Every instance on the same database does the same; claims never overlap.
 */
@ApplicationScoped
public class TaskDispatcher {

    private static final Logger LOG = Logger.getLogger(TaskDispatcher.class);
    private static final Duration FIRST_BUSY_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_BUSY_PAUSE = Duration.ofMillis(200);

    private final TaskClaims claims;
    private final TaskRunner runner;
    private final BackupConfig config;
    private final String instanceId;
    private final Semaphore workers;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public TaskDispatcher(TaskClaims claims, TaskRunner runner, BackupConfig config) {
        this.claims = claims;
        this.runner = runner;
        this.config = config;
        this.instanceId = config.engine().instanceId().orElse("session-service-" + UUID.randomUUID());
        this.workers = new Semaphore(config.engine().workers());
    }

    public String instanceId() {
        return instanceId;
    }

    @Scheduled(every = "${backup.engine.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.engine().enabled()) {
            return;
        }
        try {
            claims.releaseStale();
            fill();
        } catch (RuntimeException e) {
            LOG.warn("engine poll failed; retrying at the next poll", e);
        }
    }

    @Scheduled(every = "${backup.engine.heartbeat-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (!running.isEmpty()) {
            claims.heartbeat(instanceId, List.copyOf(running));
        }
    }

    void onRunStarted(@Observes RunStarted started) {
        wakeUp();
    }

    /** Claims what it can at once instead of at the next poll: a run started here, or on another instance. */
    void wakeUp() {
        if (config.engine().enabled()) {
            executor.submit(() -> {
                try {
                    fill();
                } catch (RuntimeException e) {
                    LOG.warn("claiming tasks on a wake-up failed; retrying at the next poll", e);
                }
            });
        }
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        executor.shutdownNow();
    }

    /**
     * Claims tasks until this instance has no free worker or no task can be claimed. A claimable run whose row another
     * instance holds (claiming at the same wake-up, or ending a task) is skipped by the claim: it is claimed again for
     * up to {@code backup.engine.busy-run-patience} rather than left to the next poll.
     */
    private synchronized void fill() {
        long giveUpAt = System.nanoTime() + config.engine().busyRunPatience().toNanos();
        Backoff busy = new Backoff(FIRST_BUSY_PAUSE, LONGEST_BUSY_PAUSE);
        while (workers.tryAcquire()) {
            Optional<ClaimedTask> claimed = claimOrFreeTheWorker();
            if (claimed.isPresent()) {
                ClaimedTask task = claimed.get();
                running.add(task.taskId());
                executor.submit(() -> runClaimed(task));
            } else if (!pausedForBusyRun(giveUpAt, busy)) {
                return;
            }
        }
    }

    /** Whether, within the patience, a claimable run's row is held by another instance and a pause has passed. */
    private boolean pausedForBusyRun(long giveUpAt, Backoff busy) {
        return System.nanoTime() - giveUpAt < 0 && claims.claimableRunIsBusy(runner.kinds()) && busy.pause();
    }

    private Optional<ClaimedTask> claimOrFreeTheWorker() {
        Optional<ClaimedTask> claimed;
        try {
            claimed = claims.claim(instanceId, runner.kinds());
        } catch (RuntimeException e) {
            workers.release();
            throw e;
        }
        if (claimed.isEmpty()) {
            workers.release();
        }
        return claimed;
    }

    private void runClaimed(ClaimedTask task) {
        try {
            runner.run(task, instanceId);
        } finally {
            running.remove(task.taskId());
            workers.release();
        }
        try {
            fill();
        } catch (RuntimeException e) {
            LOG.warn("claiming the next task failed; retrying at the next poll", e);
        }
    }
}
