package dev.sfbackup.session.repository;

import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.session.Task;
import dev.sfbackup.session.engine.Progress;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tasks, and the statements the engine claims and advances them with. The claim statements lock rows with
 * {@code FOR UPDATE SKIP LOCKED}, so they run in the caller's transaction.
 */
@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    /**
     * A pending task may start: its session runs and was not stopped, and no task of an earlier stage is unfinished, so
     * its stage is the lowest of its session's unfinished tasks. That is one index look-up per candidate; a NOT EXISTS
     * over the lower stages compared each candidate with every unfinished task, quadratic in a wide org's session.
     */
    private static final String STARTABLE = """
            t.status = 'PENDING' and t.kind in (:kinds) and s.status in ('PENDING', 'RUNNING') and not s.stop_requested
            and t.stage <= (select min(e.stage) from task e where e.session_id = t.session_id
                            and e.status in ('PENDING', 'RUNNING'))
            """;

    /** The runs below their parallelism with a startable task. */
    private static final String CLAIMABLE_RUNS = """
            select r.id from run r
            where r.status in ('PENDING', 'RUNNING')
              and (select count(*) from task t where t.run_id = r.id and t.status = 'RUNNING') < r.parallelism
              and exists (select 1 from task t join session s on s.id = t.session_id where t.run_id = r.id and
            """ + STARTABLE + """
            )
            """;

    /** The oldest claimable run; locking it makes the parallelism bound exact. */
    private static final String CLAIMABLE_RUN = CLAIMABLE_RUNS + """
            order by r.started_at
            limit 1
            for update of r skip locked
            """;

    private static final String CLAIMABLE_TASK = """
            select t.id from task t join session s on s.id = t.session_id
            where t.run_id = :run and
            """ + STARTABLE + """
            order by t.ordinal
            limit 1
            for update of t skip locked
            """;

    private static final String STALE_TASKS = """
            select t.id from task t
            where t.status = 'RUNNING' and t.heartbeat_at < :cutoff
            for update of t skip locked
            """;

    /**
     * Skips a task row another transaction holds (that transaction writes the task right now: its progress renews the
     * heartbeat, its end or release decides the claim) instead of waiting for it while holding the rows renewed so far:
     * that wait closed a deadlock with a progress update (its task, then its session) and a task's end (its session,
     * then its task).
     */
    private static final String HEARTBEAT = """
            update task set heartbeat_at = :now where id in (
                select id from task where claimed_by = :instance and status = 'RUNNING' and id in (:ids)
                for update skip locked)
            """;

    private static final String ADD_PROGRESS = """
            WITH task AS (
                UPDATE task SET records_read = records_read + :read, records_new = records_new + :new,
                    records_changed = records_changed + :changed, records_unchanged = records_unchanged + :unchanged,
                    records_deleted = records_deleted + :deleted, bytes = bytes + :bytes, api_calls = api_calls + :apiCalls,
                    heartbeat_at = :now
                WHERE id = :task
                RETURNING session_id, status, claimed_by),
            session AS (
                UPDATE session s SET last_progress_at = CASE WHEN :moved THEN :now ELSE s.last_progress_at END
                FROM task WHERE s.id = task.session_id
                RETURNING s.failure_reason, s.stop_requested)
            SELECT session.failure_reason, session.stop_requested, task.status, task.claimed_by FROM task, session
            """;

    /** How many of a session's tasks have each status, and how many of them completed with errors. */
    public record Tally(Map<TaskStatus, Long> byStatus, long completedWithErrors) {
    }

    /**
     * The session's tasks counted by status, without loading them: refreshed after every claim and task end, a
     * session of many objects would otherwise load all its tasks each time, quadratic in the session's size.
     */
    public Tally tally(UUID sessionId) {
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        long completedWithErrors = 0;
        for (Object[] row : getEntityManager().createQuery("select t.status, count(t), sum(case when t.completedWithErrors"
                + " then 1 else 0 end) from Task t where t.sessionId = ?1 group by t.status", Object[].class)
                .setParameter(1, sessionId).getResultList()) {
            byStatus.put((TaskStatus) row[0], ((Number) row[1]).longValue());
            completedWithErrors += ((Number) row[2]).longValue();
        }
        return new Tally(byStatus, completedWithErrors);
    }

    public List<Task> bySession(UUID sessionId) {
        return list("sessionId", Sort.ascending("ordinal"), sessionId);
    }

    public List<Task> bySessions(List<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of() : list("sessionId in ?1", Sort.ascending("ordinal"), sessionIds);
    }

    /** The run of the next task to claim among those of the given kinds, locked; empty when none can start. */
    public Optional<UUID> lockClaimableRun(Collection<String> kinds) {
        return ids(getEntityManager().createNativeQuery(CLAIMABLE_RUN).setParameter("kinds", kinds)).stream().findFirst();
    }

    /** Whether a run has a task of the given kinds to start, whoever holds its row (nothing is locked). */
    public boolean claimableRunExists(Collection<String> kinds) {
        return !getEntityManager().createNativeQuery(CLAIMABLE_RUNS + " limit 1").setParameter("kinds", kinds)
                .getResultList().isEmpty();
    }

    /** The run's next startable task of the given kinds in planned order, locked. */
    public Optional<UUID> lockClaimableTask(UUID runId, Collection<String> kinds) {
        return ids(getEntityManager().createNativeQuery(CLAIMABLE_TASK).setParameter("run", runId).setParameter("kinds", kinds))
                .stream().findFirst();
    }

    /** RUNNING tasks whose claimant's last heartbeat is older than the cutoff, locked. */
    public List<UUID> lockStale(Instant cutoff) {
        return ids(getEntityManager().createNativeQuery(STALE_TASKS).setParameter("cutoff", cutoff));
    }

    public void heartbeat(String instanceId, Collection<UUID> taskIds, Instant now) {
        if (!taskIds.isEmpty()) {
            getEntityManager().createNativeQuery(HEARTBEAT).setParameter("now", now).setParameter("instance", instanceId)
                    .setParameter("ids", taskIds).executeUpdate();
        }
    }

    /**
     * Adds the progress to the task's counters and renews its heartbeat, and notes the time on its session when the
     * task moved; answers what decides whether the task goes on (empty when the task does not exist).
     */
    public Optional<TaskStanding> addProgress(UUID taskId, Progress made, Instant now) {
        List<?> rows = getEntityManager().createNativeQuery(ADD_PROGRESS)
                .setParameter("task", taskId)
                .setParameter("now", now)
                .setParameter("moved", made.moved())
                .setParameter("read", made.read())
                .setParameter("new", made.recordsNew())
                .setParameter("changed", made.changed())
                .setParameter("unchanged", made.unchanged())
                .setParameter("deleted", made.deleted())
                .setParameter("bytes", made.bytes())
                .setParameter("apiCalls", made.apiCalls())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new TaskStanding((String) row[0], (Boolean) row[1], TaskStatus.valueOf((String) row[2]), (String) row[3]));
    }

    private static List<UUID> ids(Query query) {
        return ((List<?>) query.getResultList()).stream().map(UUID.class::cast).toList();
    }

    /** When the policy's latest successful task of that kind and object started. */
    @Transactional
    public Optional<Instant> lastSuccessStart(UUID policyId, String kind, String object) {
        return find("select t from Task t, Session s where s.id = t.sessionId and s.policyId = ?1 and t.kind = ?2"
                + " and t.objectName = ?3 and t.status in ?4 order by t.startedAt desc", policyId, kind, object,
                List.of(TaskStatus.SUCCESS, TaskStatus.WARNING))
                .firstResultOptional().map(task -> task.startedAt);
    }

    /** The objects of the run's tasks of that kind, in planned order. */
    @Transactional
    public List<String> objectsOfRun(UUID runId, String kind) {
        return find("runId = ?1 and kind = ?2", Sort.ascending("ordinal"), runId, kind).list().stream()
                .map(task -> task.objectName).toList();
    }

    /** How many tasks of that kind the session has. */
    @Transactional
    public long countInSession(UUID sessionId, String kind) {
        return count("sessionId = ?1 and kind = ?2", sessionId, kind);
    }
}
