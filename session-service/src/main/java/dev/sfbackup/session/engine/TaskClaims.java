package dev.sfbackup.session.engine;

import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.Task;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.repository.RunRepository;
import dev.sfbackup.session.repository.TaskRepository;
import dev.sfbackup.session.service.SessionJournal;
import dev.sfbackup.session.service.StatusRefresher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands out tasks to engine instances through the database, so several session-service instances share the work:
 * the run row is locked with SKIP LOCKED (which also makes the run's parallelism bound exact across instances), then
 * one of its startable tasks is locked with SKIP LOCKED and marked RUNNING under this instance's name. An instance
 * claims only the kinds it has an executor for.
 */
@ApplicationScoped
public class TaskClaims {

    static final int MAX_ATTEMPTS = 3;

    private final RunRepository runs;
    private final TaskRepository tasks;
    private final StatusRefresher status;
    private final SessionJournal journal;
    private final BackupConfig config;
    private final Clock clock;

    public TaskClaims(RunRepository runs, TaskRepository tasks, StatusRefresher status, SessionJournal journal,
            BackupConfig config, Clock clock) {
        this.runs = runs;
        this.tasks = tasks;
        this.status = status;
        this.journal = journal;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Optional<ClaimedTask> claim(String instanceId, Collection<String> kinds) {
        Optional<UUID> runId = tasks.lockClaimableRun(kinds);
        Optional<UUID> taskId = runId.flatMap(run -> tasks.lockClaimableTask(run, kinds));
        if (taskId.isEmpty()) {
            return Optional.empty();
        }
        Task task = tasks.findById(taskId.get());
        Instant now = clock.instant();
        task.status = TaskStatus.RUNNING;
        task.claimedBy = instanceId;
        task.heartbeatAt = now;
        task.attempts++;
        if (task.startedAt == null) {
            task.startedAt = now;
        }
        status.refreshClaimedSession(task.sessionId);
        Run run = runs.findById(task.runId);
        return Optional.of(new ClaimedTask(task.id, task.sessionId, run.id, run.policyId, task.kind, task.objectName,
                task.expectedRecords, task.attempts, run.apiBudgetPercent));
    }

    /**
     * Asked after a claim found nothing: whether a run with a task to start exists all the same, its row held by
     * another instance's transaction (one claiming, or ending a task of the run), so a claim shortly after may succeed.
     */
    @Transactional
    public boolean claimableRunIsBusy(Collection<String> kinds) {
        return tasks.claimableRunExists(kinds);
    }

    /**
     * Tasks whose claimant stopped heart-beating (the process died or lost the database) go back to PENDING and are
     * resumed, from what they committed, by whichever instance claims them next; after {@value #MAX_ATTEMPTS}
     * attempts a task ends ERROR instead, so nothing stays RUNNING forever.
     */
    @Transactional
    public int releaseStale() {
        Instant now = clock.instant();
        List<UUID> stale = tasks.lockStale(now.minus(config.engine().staleAfter()));
        for (UUID id : stale) {
            Task task = tasks.findById(id);
            String previous = task.claimedBy + " (last heartbeat " + task.heartbeatAt + ")";
            if (task.attempts >= MAX_ATTEMPTS) {
                task.status = TaskStatus.ERROR;
                task.endedAt = now;
                task.message = "abandoned by " + previous + " after " + task.attempts + " attempts";
                journal.error(task.sessionId, task.id, task.objectName + ": " + task.message);
            } else {
                task.status = TaskStatus.PENDING;
                journal.warn(task.sessionId, task.id, task.objectName + ": claimant " + previous + " stopped after attempt "
                        + task.attempts + "; the next claimant resumes the task from what it committed");
            }
            task.claimedBy = null;
        }
        stale.stream().map(id -> tasks.findById(id).sessionId).distinct().forEach(status::refreshSession);
        return stale.size();
    }

    /** Keeps this instance's claims alive while their tasks run. */
    @Transactional
    public void heartbeat(String instanceId, List<UUID> taskIds) {
        tasks.heartbeat(instanceId, taskIds, clock.instant());
    }
}
