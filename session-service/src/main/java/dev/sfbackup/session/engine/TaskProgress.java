package dev.sfbackup.session.engine;

import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.session.Session;
import dev.sfbackup.session.Task;
import dev.sfbackup.session.repository.SessionRepository;
import dev.sfbackup.session.repository.TaskRepository;
import dev.sfbackup.session.repository.TaskStanding;
import dev.sfbackup.session.service.StatusRefresher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Records what a running task achieved and tells it whether to go on; ends it and rolls its status up. */
@ApplicationScoped
public class TaskProgress {

    private final TaskRepository tasks;
    private final SessionRepository sessions;
    private final StatusRefresher status;
    private final Clock clock;

    public TaskProgress(TaskRepository tasks, SessionRepository sessions, StatusRefresher status, Clock clock) {
        this.tasks = tasks;
        this.sessions = sessions;
        this.status = status;
        this.clock = clock;
    }

    /**
     * Adds to the task's counters and renews its heartbeat, in one statement that also notes progress on its session
     * when the task moved. Returns why the task must stop (operator stop, session failed, claim lost), or empty.
     */
    @Transactional
    public Optional<String> record(UUID taskId, String instanceId, Progress made) {
        Optional<TaskStanding> standing = tasks.addProgress(taskId, made, clock.instant());
        return standing.isEmpty() ? Optional.of("the task no longer exists") : reasonToStop(standing.get(), instanceId);
    }

    @Transactional
    public void restartCounters(UUID taskId) {
        Task task = tasks.findById(taskId);
        task.recordsRead = 0;
        task.recordsNew = 0;
        task.recordsChanged = 0;
        task.recordsUnchanged = 0;
        task.recordsDeleted = 0;
        task.bytes = 0;
    }

    @Transactional
    public TaskCounters counters(UUID taskId) {
        Task task = tasks.findById(taskId);
        return new TaskCounters(task.recordsRead, task.recordsNew, task.recordsChanged, task.recordsDeleted, task.recordsUnchanged);
    }

    @Transactional
    public Optional<String> reasonToStop(UUID taskId, String instanceId) {
        Task task = tasks.findById(taskId);
        Session session = sessions.findById(task.sessionId);
        return reasonToStop(new TaskStanding(session.failureReason, session.stopRequested, task.status, task.claimedBy), instanceId);
    }

    /**
     * Ends the task (unless it was taken away from this instance) and rolls its status up to session and run; an
     * outcome that fails the session ends the session FAILED with the outcome's message as its reason.
     */
    @Transactional
    public void finish(UUID taskId, String instanceId, TaskOutcome outcome, boolean failsSession) {
        Task task = tasks.findById(taskId);
        if (task.status != TaskStatus.RUNNING || !instanceId.equals(task.claimedBy)) {
            return;
        }
        task.status = outcome.status();
        task.message = outcome.message();
        task.completedWithErrors = outcome.withErrors();
        task.endedAt = clock.instant();
        task.heartbeatAt = task.endedAt;
        if (failsSession) {
            status.failSession(task.sessionId, outcome.message());
        } else {
            status.refreshSession(task.sessionId);
        }
    }

    private static Optional<String> reasonToStop(TaskStanding standing, String instanceId) {
        if (standing.sessionFailure() != null) {
            return Optional.of("the session failed: " + standing.sessionFailure());
        }
        if (standing.stopRequested()) {
            return Optional.of("stopped by an operator");
        }
        if (standing.status() != TaskStatus.RUNNING || !instanceId.equals(standing.claimedBy())) {
            return Optional.of("the claim on this task was lost (taken over by " + standing.claimedBy() + ")");
        }
        return Optional.empty();
    }
}
