package dev.sfbackup.session.engine;

import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.session.BackupSession;
import dev.sfbackup.session.BackupTask;
import dev.sfbackup.session.repository.SessionRepository;
import dev.sfbackup.session.repository.TaskRepository;
import dev.sfbackup.session.service.StatusRefresher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Records what a running task achieved, batch by batch, and tells it whether to go on. */
@ApplicationScoped
public class TaskProgress {

    /** An empty last record id means the batch held no record: the task's last one stays. */
    private static final String BATCH_STORED = """
            WITH task AS (
                UPDATE backup_task SET last_batch_seq = greatest(last_batch_seq, :seq),
                    last_record_id = coalesce(nullif(:lastRecordId, ''), last_record_id),
                    records_read = records_read + :read, records_new = records_new + :new,
                    records_changed = records_changed + :changed, records_unchanged = records_unchanged + :unchanged,
                    records_deleted = records_deleted + :deleted, bytes = bytes + :bytes, api_calls = api_calls + :apiCalls,
                    heartbeat_at = :now
                WHERE id = :task
                RETURNING session_id, status, claimed_by),
            session AS (
                UPDATE backup_session s SET last_upload_at = :now FROM task WHERE s.id = task.session_id
                RETURNING s.failure_reason, s.stop_requested)
            SELECT session.failure_reason, session.stop_requested, task.status, task.claimed_by FROM task, session
            """;

    private final TaskRepository tasks;
    private final SessionRepository sessions;
    private final StatusRefresher status;
    private final EntityManager em;

    public TaskProgress(TaskRepository tasks, SessionRepository sessions, StatusRefresher status, EntityManager em) {
        this.tasks = tasks;
        this.sessions = sessions;
        this.status = status;
        this.em = em;
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
     * Records a batch storage accepted, in one statement that adds to the task's counters and notes the upload on its
     * session. Returns why the task must stop (operator stop, session failed, claim lost), or empty to go on.
     */
    @Transactional
    public Optional<String> batchStored(UUID taskId, String instanceId, int seq, String lastRecordId, long recordsRead,
            BatchResult result, long bytes, long apiCalls) {
        boolean counted = result != null && !result.duplicate();
        List<?> rows = em.createNativeQuery(BATCH_STORED)
                .setParameter("task", taskId)
                .setParameter("now", Instant.now())
                .setParameter("seq", seq)
                .setParameter("lastRecordId", lastRecordId == null ? "" : lastRecordId)
                .setParameter("read", recordsRead)
                .setParameter("new", counted ? result.recordsNew() : 0)
                .setParameter("changed", counted ? result.recordsChanged() : 0)
                .setParameter("unchanged", counted ? result.recordsUnchanged() : 0)
                .setParameter("deleted", counted ? result.recordsDeleted() : 0)
                .setParameter("bytes", bytes)
                .setParameter("apiCalls", apiCalls)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.of("the task no longer exists");
        }
        Object[] row = (Object[]) rows.get(0);
        return reasonToStop((String) row[0], (Boolean) row[1], TaskStatus.valueOf((String) row[2]), (String) row[3], instanceId);
    }

    @Transactional
    public TaskCounters counters(UUID taskId) {
        BackupTask task = tasks.findById(taskId);
        return new TaskCounters(task.recordsRead, task.recordsNew, task.recordsChanged, task.recordsDeleted, task.recordsUnchanged);
    }

    @Transactional
    public Optional<String> shouldStop(UUID taskId, String instanceId) {
        BackupTask task = tasks.findById(taskId);
        BackupSession session = sessions.findById(task.sessionId);
        return reasonToStop(session.failureReason, session.stopRequested, task.status, task.claimedBy, instanceId);
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

    private static Optional<String> reasonToStop(String sessionFailure, boolean stopRequested, TaskStatus taskStatus,
            String claimedBy, String instanceId) {
        if (sessionFailure != null) {
            return Optional.of("the session failed: " + sessionFailure);
        }
        if (stopRequested) {
            return Optional.of("stopped by an operator");
        }
        if (taskStatus != TaskStatus.RUNNING || !instanceId.equals(claimedBy)) {
            return Optional.of("the claim on this task was lost (taken over by " + claimedBy + ")");
        }
        return Optional.empty();
    }
}
