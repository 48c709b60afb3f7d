package dev.sfbackup.session.engine;

import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.session.BackupSession;
import dev.sfbackup.session.BackupTask;
import dev.sfbackup.session.repository.SessionRepository;
import dev.sfbackup.session.repository.TaskRepository;
import dev.sfbackup.session.service.StatusRefresher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Records what a running task achieved, batch by batch, and tells it whether to go on. */
@ApplicationScoped
public class TaskProgress {

    private final TaskRepository tasks;
    private final SessionRepository sessions;
    private final StatusRefresher status;

    public TaskProgress(TaskRepository tasks, SessionRepository sessions, StatusRefresher status) {
        this.tasks = tasks;
        this.sessions = sessions;
        this.status = status;
    }

    /**
     * Remembers the open restore point, so a resumed task continues writing into it. The record counters start again
     * with the fresh point (those of an earlier attempt went with its discarded point); API calls stay spent.
     */
    @Transactional
    public void pointOpened(UUID taskId, UUID pointId, String pointKind, String watermarkField) {
        BackupTask task = tasks.findById(taskId);
        task.restorePointId = pointId;
        task.pointKind = pointKind;
        task.lastBatchSeq = 0;
        task.lastRecordId = null;
        task.watermarkField = watermarkField;
        task.recordsRead = 0;
        task.recordsNew = 0;
        task.recordsChanged = 0;
        task.recordsUnchanged = 0;
        task.recordsDeleted = 0;
        task.bytes = 0;
    }

    /**
     * Records a batch storage accepted. Returns why the task must stop (operator stop, session failed, claim lost),
     * or empty to go on.
     */
    @Transactional
    public Optional<String> batchStored(UUID taskId, String instanceId, int seq, String lastRecordId, long recordsRead,
            BatchResult result, long bytes, long apiCalls) {
        BackupTask task = tasks.findById(taskId);
        Instant now = Instant.now();
        task.lastBatchSeq = Math.max(task.lastBatchSeq, seq);
        if (lastRecordId != null) {
            task.lastRecordId = lastRecordId;
        }
        task.recordsRead += recordsRead;
        task.apiCalls += apiCalls;
        task.bytes += bytes;
        if (result != null && !result.duplicate()) {
            task.recordsNew += result.recordsNew();
            task.recordsChanged += result.recordsChanged();
            task.recordsUnchanged += result.recordsUnchanged();
            task.recordsDeleted += result.recordsDeleted();
        }
        task.heartbeatAt = now;
        BackupSession session = sessions.findById(task.sessionId);
        session.lastUploadAt = now;
        return reasonToStop(task, session, instanceId);
    }

    @Transactional
    public TaskCounters counters(UUID taskId) {
        BackupTask task = tasks.findById(taskId);
        return new TaskCounters(task.recordsRead, task.recordsNew, task.recordsChanged, task.recordsDeleted, task.recordsUnchanged);
    }

    @Transactional
    public Optional<String> shouldStop(UUID taskId, String instanceId) {
        BackupTask task = tasks.findById(taskId);
        return reasonToStop(task, sessions.findById(task.sessionId), instanceId);
    }

    /** Ends the task (unless it was taken away from this instance) and rolls its status up to session and run. */
    @Transactional
    public void finish(UUID taskId, String instanceId, TaskStatus outcome, String message) {
        BackupTask task = tasks.findById(taskId);
        if (task.status != TaskStatus.RUNNING || !instanceId.equals(task.claimedBy)) {
            return;
        }
        task.status = outcome;
        task.message = message;
        task.endedAt = Instant.now();
        task.heartbeatAt = task.endedAt;
        status.refreshSession(task.sessionId);
    }

    private static Optional<String> reasonToStop(BackupTask task, BackupSession session, String instanceId) {
        if (session.failureReason != null) {
            return Optional.of("the session failed: " + session.failureReason);
        }
        if (session.stopRequested) {
            return Optional.of("stopped by an operator");
        }
        if (task.status != TaskStatus.RUNNING || !instanceId.equals(task.claimedBy)) {
            return Optional.of("the claim on this task was lost (taken over by " + task.claimedBy + ")");
        }
        return Optional.empty();
    }
}
