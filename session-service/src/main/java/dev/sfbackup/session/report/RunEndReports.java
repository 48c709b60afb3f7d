package dev.sfbackup.session.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The SQL of run-end reports: which ended runs are unreported, what they did per object, and their history. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RunEndReports {

    private static final String DATA_TASK = "BACKUP_DATA";

    private final EntityManager em;

    public RunEndReports(EntityManager em) {
        this.em = em;
    }

    /** What an ended run is, as a report needs it. */
    public record EndedRun(UUID id, UUID policyId, UUID connectionId, String kind, String status, Instant startedAt,
            Instant endedAt, String failureReason) {
    }

    /** Totals over a run's tasks. */
    public record RunTotals(long recordsRead, long recordsChanged, long recordsDeleted, long bytes, long apiCalls) {
    }

    List<UUID> unreported(int limit) {
        List<?> ids = em.createNativeQuery("select id from run where ended_at is not null and end_reported_at is null"
                + " order by ended_at limit ?1").setParameter(1, limit).getResultList();
        return ids.stream().map(id -> (UUID) id).toList();
    }

    Optional<EndedRun> ended(UUID runId) {
        List<?> rows = em.createNativeQuery("select id, policy_id, connection_id, kind, status, started_at, ended_at,"
                + " failure_reason from run where id = ?1 and ended_at is not null").setParameter(1, runId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(r -> new EndedRun((UUID) r[0], (UUID) r[1], (UUID) r[2],
                (String) r[3], (String) r[4], instant(r[5]), instant(r[6]), (String) r[7])).findFirst();
    }

    /** Marks the run reported; false when another instance did so first. */
    boolean markReported(UUID runId, Instant now) {
        return em.createNativeQuery("update run set end_reported_at = ?1 where id = ?2 and end_reported_at is null")
                .setParameter(1, now).setParameter(2, runId).executeUpdate() == 1;
    }

    List<ObjectChanges> objectChanges(UUID runId) {
        List<?> rows = em.createNativeQuery("select object_name, max(expected_records), sum(records_new + records_changed),"
                + " sum(records_deleted) from task where run_id = ?1 and kind = ?2 group by object_name order by object_name")
                .setParameter(1, runId).setParameter(2, DATA_TASK).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(r -> new ObjectChanges((String) r[0],
                r[1] == null ? null : ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue()))
                .toList();
    }

    /** Per object, its new-and-changed counts in the policy's last `runs` successful incremental runs before this one. */
    Map<String, List<Long>> changeHistory(UUID policyId, UUID runId, Instant before, int runs) {
        List<?> rows = em.createNativeQuery("with recent as (select id, ended_at from run where policy_id = ?1 and id <> ?2"
                + " and kind = 'INCREMENTAL' and status in ('SUCCESS', 'WARNING') and ended_at <= ?3"
                + " order by ended_at desc limit ?4)"
                + " select t.object_name, sum(t.records_new + t.records_changed) from task t join recent r on t.run_id = r.id"
                + " where t.kind = ?5 group by t.object_name, t.run_id, r.ended_at order by r.ended_at desc")
                .setParameter(1, policyId).setParameter(2, runId).setParameter(3, before).setParameter(4, runs)
                .setParameter(5, DATA_TASK).getResultList();
        Map<String, List<Long>> history = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            history.computeIfAbsent((String) r[0], object -> new java.util.ArrayList<>()).add(((Number) r[1]).longValue());
        }
        return history;
    }

    RunTotals totals(UUID runId) {
        Object[] r = (Object[]) em.createNativeQuery("select coalesce(sum(records_read), 0), coalesce(sum(records_new"
                + " + records_changed), 0), coalesce(sum(records_deleted), 0), coalesce(sum(bytes), 0),"
                + " coalesce(sum(api_calls), 0) from task where run_id = ?1").setParameter(1, runId).getSingleResult();
        return new RunTotals(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue());
    }

    /** Why the run failed: its own reason, else the first failed session's (a watchdog's reason starts "watchdog:"). */
    List<String> sessionFailures(UUID runId) {
        List<?> reasons = em.createNativeQuery("select failure_reason from session where run_id = ?1"
                + " and failure_reason is not null order by created_at").setParameter(1, runId).getResultList();
        return reasons.stream().map(String.class::cast).toList();
    }

    /** Per policy, when its last backup run ended SUCCESS or WARNING. */
    public Map<UUID, Instant> lastSuccessByPolicy() {
        List<?> rows = em.createNativeQuery("select policy_id, max(ended_at) from run where kind <> 'RESTORE'"
                + " and status in ('SUCCESS', 'WARNING') group by policy_id").getResultList();
        Map<UUID, Instant> last = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            last.put((UUID) r[0], instant(r[1]));
        }
        return last;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
