package dev.sfbackup.session.restore.persistence;

import dev.sfbackup.api.restore.RestoreAction;
import dev.sfbackup.api.restore.RestoreCounters;
import dev.sfbackup.api.restore.RestoreReportLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * restore_report_line: one line per record a restore considered. A record seen again (the second pass that writes
 * self-lookups, or a resumed task going over its object again) keeps its first action unless that was UNCHANGED, and
 * gathers the fields written by every pass.
 */
@ApplicationScoped
public class RestoreReport {

    private static final String WRITE = """
            insert into restore_report_line (run_id, object_name, backup_id, task_id, target_id, action, changed_fields,
                status, status_code, message)
            values (:run, :object, :backupId, :task, :targetId, :action, :fields, :status, :code, :message)
            on conflict (run_id, object_name, backup_id) do update set
                target_id = coalesce(excluded.target_id, restore_report_line.target_id),
                action = case when restore_report_line.action = 'UNCHANGED' then excluded.action else restore_report_line.action end,
                changed_fields = case when restore_report_line.changed_fields = '' then excluded.changed_fields
                    when excluded.changed_fields = '' then restore_report_line.changed_fields
                    else restore_report_line.changed_fields || ',' || excluded.changed_fields end,
                status = case when restore_report_line.status = 'FAILED' then 'FAILED' else excluded.status end,
                status_code = coalesce(excluded.status_code, restore_report_line.status_code),
                message = case when restore_report_line.message is null then excluded.message
                    when excluded.message is null then restore_report_line.message
                    else restore_report_line.message || '; ' || excluded.message end
            where excluded.action <> 'UNCHANGED' or restore_report_line.action = 'UNCHANGED'
            """;

    private final EntityManager entities;

    public RestoreReport(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    public void write(UUID runId, UUID taskId, List<RestoreReportLine> lines) {
        for (RestoreReportLine line : lines) {
            entities.createNativeQuery(WRITE).setParameter("run", runId).setParameter("object", line.object())
                    .setParameter("backupId", line.backupId()).setParameter("task", taskId)
                    .setParameter("targetId", line.targetId()).setParameter("action", line.action().name())
                    .setParameter("fields", String.join(",", line.changedFields())).setParameter("status", line.status())
                    .setParameter("code", line.statusCode()).setParameter("message", line.message()).executeUpdate();
        }
    }

    /** Lines after {@code afterSeq} in the order they were first written, at most {@code limit}; seq in the record. */
    @Transactional
    public List<Numbered> page(UUID runId, long afterSeq, int limit) {
        List<?> rows = entities.createNativeQuery("""
                select seq, object_name, backup_id, target_id, action, changed_fields, status, status_code, message
                from restore_report_line where run_id = :run and seq > :after order by seq limit :limit
                """).setParameter("run", runId).setParameter("after", afterSeq).setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new Numbered(((Number) row[0]).longValue(),
                new RestoreReportLine((String) row[1], (String) row[2], (String) row[3], RestoreAction.valueOf((String) row[4]),
                        fields((String) row[5]), (String) row[6], (String) row[7], (String) row[8]))).toList();
    }

    public record Numbered(long seq, RestoreReportLine line) {
    }

    /** Counted from the report; apiCalls from the restore's tasks. */
    @Transactional
    public RestoreCounters counters(UUID runId) {
        Object[] row = (Object[]) entities.createNativeQuery("""
                select count(*),
                    count(*) filter (where action = 'UPDATE' and status <> 'FAILED'),
                    count(*) filter (where action = 'UNDELETE' and status <> 'FAILED'),
                    count(*) filter (where action = 'RECREATE' and status <> 'FAILED'),
                    count(*) filter (where action = 'UNCHANGED' and status <> 'FAILED'),
                    count(*) filter (where action = 'SKIP'),
                    count(*) filter (where status = 'FAILED'),
                    (select coalesce(sum(api_calls), 0) from task where run_id = :run)
                from restore_report_line where run_id = :run
                """).setParameter("run", runId).getSingleResult();
        long[] n = Arrays.stream(row).mapToLong(value -> ((Number) value).longValue()).toArray();
        return new RestoreCounters(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }

    private static List<String> fields(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).distinct().toList();
    }
}
