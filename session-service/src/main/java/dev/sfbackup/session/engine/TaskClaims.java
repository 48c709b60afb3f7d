package dev.sfbackup.session.engine;

import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.session.BackupSession;
import dev.sfbackup.session.BackupTask;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.repository.RunRepository;
import dev.sfbackup.session.repository.SessionRepository;
import dev.sfbackup.session.repository.TaskRepository;
import dev.sfbackup.session.service.SessionJournal;
import dev.sfbackup.session.service.StatusRefresher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands out tasks to engine instances through the database, so several session-service instances share the work:
 * the run row is locked with SKIP LOCKED (which also makes the run's parallelism bound exact across instances), then
 * one of its pending tasks is locked with SKIP LOCKED and marked RUNNING under this instance's name.
 */
@ApplicationScoped
public class TaskClaims {

    static final int MAX_ATTEMPTS = 3;

    private static final String CLAIMABLE_RUN = """
            select r.id from run r
            where r.status in ('PENDING', 'RUNNING')
              and (select count(*) from backup_task t where t.run_id = r.id and t.status = 'RUNNING') < r.parallelism
              and exists (select 1 from backup_task t join backup_session s on s.id = t.session_id
                          where t.run_id = r.id and t.status = 'PENDING' and s.status in ('PENDING', 'RUNNING')
                            and not s.stop_requested)
            order by r.started_at
            limit 1
            for update of r skip locked
            """;

    private static final String CLAIMABLE_TASK = """
            select t.id from backup_task t join backup_session s on s.id = t.session_id
            where t.run_id = ?1 and t.status = 'PENDING' and s.status in ('PENDING', 'RUNNING') and not s.stop_requested
            order by t.ordinal
            limit 1
            for update of t skip locked
            """;

    private static final String STALE_TASKS = """
            select t.id from backup_task t
            where t.status = 'RUNNING' and t.heartbeat_at < ?1
            for update of t skip locked
            """;

    private final EntityManager em;
    private final RunRepository runs;
    private final SessionRepository sessions;
    private final TaskRepository tasks;
    private final StatusRefresher status;
    private final SessionJournal journal;
    private final BackupConfig config;

    public TaskClaims(EntityManager em, RunRepository runs, SessionRepository sessions, TaskRepository tasks,
            StatusRefresher status, SessionJournal journal, BackupConfig config) {
        this.em = em;
        this.runs = runs;
        this.sessions = sessions;
        this.tasks = tasks;
        this.status = status;
        this.journal = journal;
        this.config = config;
    }

    @Transactional
    public Optional<ClaimedTask> claim(String instanceId) {
        List<?> runIds = em.createNativeQuery(CLAIMABLE_RUN).getResultList();
        if (runIds.isEmpty()) {
            return Optional.empty();
        }
        UUID runId = (UUID) runIds.get(0);
        List<?> taskIds = em.createNativeQuery(CLAIMABLE_TASK).setParameter(1, runId).getResultList();
        if (taskIds.isEmpty()) {
            return Optional.empty();
        }
        BackupTask task = tasks.findById((UUID) taskIds.get(0));
        Instant now = Instant.now();
        task.status = TaskStatus.RUNNING;
        task.claimedBy = instanceId;
        task.heartbeatAt = now;
        task.attempts++;
        if (task.startedAt == null) {
            task.startedAt = now;
        }
        status.refreshSession(task.sessionId);
        Run run = runs.findById(runId);
        BackupSession session = sessions.findById(task.sessionId);
        return Optional.of(new ClaimedTask(task.id, task.sessionId, runId, run.policyId, session.type, run.kind,
                task.objectName, task.expectedRecords, task.restorePointId, task.pointKind, task.lastBatchSeq,
                task.lastRecordId, task.attempts, run.apiBudgetPercent));
    }

    /**
     * Tasks whose claimant stopped heart-beating (the process died or lost the database) go back to PENDING and are
     * resumed from their last committed batch by whichever instance claims them next; after {@value #MAX_ATTEMPTS}
     * attempts a task ends ERROR instead, so nothing stays RUNNING forever.
     */
    @Transactional
    public int releaseStale() {
        Instant cutoff = Instant.now().minus(config.engine().staleAfter());
        List<?> stale = em.createNativeQuery(STALE_TASKS).setParameter(1, cutoff).getResultList();
        for (Object id : stale) {
            BackupTask task = tasks.findById((UUID) id);
            String previous = task.claimedBy + " (last heartbeat " + task.heartbeatAt + ")";
            if (task.attempts >= MAX_ATTEMPTS) {
                task.status = TaskStatus.ERROR;
                task.endedAt = Instant.now();
                task.message = "abandoned by " + previous + " after " + task.attempts + " attempts";
                journal.error(task.sessionId, task.id, task.objectName + ": " + task.message);
            } else {
                task.status = TaskStatus.PENDING;
                journal.warn(task.sessionId, task.id, task.objectName + ": claimant " + previous
                        + " stopped; the task will be resumed from batch " + task.lastBatchSeq);
            }
            task.claimedBy = null;
        }
        stale.stream().map(id -> tasks.findById((UUID) id).sessionId).distinct().forEach(status::refreshSession);
        return stale.size();
    }

    /** Keeps this instance's claims alive while their tasks run. */
    @Transactional
    public void heartbeat(String instanceId, List<UUID> taskIds) {
        if (!taskIds.isEmpty()) {
            em.createNativeQuery("update backup_task set heartbeat_at = :now where claimed_by = :instance"
                            + " and status = 'RUNNING' and id in (:ids)")
                    .setParameter("now", Instant.now()).setParameter("instance", instanceId).setParameter("ids", taskIds)
                    .executeUpdate();
        }
    }
}
