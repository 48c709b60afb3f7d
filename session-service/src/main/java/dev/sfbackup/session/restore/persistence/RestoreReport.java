package dev.sfbackup.session.restore.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.restore.RestoreAction;
import dev.sfbackup.api.restore.RestoreCounters;
import dev.sfbackup.api.restore.RestoreReportLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * restore_report_line: one line per record a restore considered. A record seen again (the second pass that writes
 * self-lookups, or a resumed task going over its object again) keeps its first action unless that was UNCHANGED, and
 * gathers the fields written by every pass.
 */
@ApplicationScoped
public class RestoreReport {

    private static final String WRITE = """
            insert into restore_report_line (run_id, object_name, backup_id, task_id, target_id, action, changed_fields,
                status, status_code, message, field_changes)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
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
                    else restore_report_line.message || '; ' || excluded.message end,
                field_changes = case when restore_report_line.field_changes is null then excluded.field_changes
                    when excluded.field_changes is null then restore_report_line.field_changes
                    else restore_report_line.field_changes || excluded.field_changes end
            where excluded.action <> 'UNCHANGED' or restore_report_line.action = 'UNCHANGED'
            """;

    private static final int BATCH = 1000;

    private final EntityManager entities;
    private final ObjectMapper json;

    public RestoreReport(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    /** In JDBC batches: a bulk chunk's ten thousand lines are a few round trips, not one each. */
    @Transactional
    public void write(UUID runId, UUID taskId, List<RestoreReportLine> lines) {
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(WRITE)) {
                int pending = 0;
                for (RestoreReportLine line : lines) {
                    insert.setObject(1, runId);
                    insert.setString(2, line.object());
                    insert.setString(3, line.backupId());
                    insert.setObject(4, taskId);
                    insert.setString(5, line.targetId());
                    insert.setString(6, line.action().name());
                    insert.setString(7, String.join(",", line.changedFields()));
                    insert.setString(8, line.status());
                    insert.setString(9, line.statusCode());
                    insert.setString(10, line.message());
                    insert.setString(11, changes(line.changes()));
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /** Lines after {@code afterSeq} in the order they were first written, at most {@code limit}; seq in the record. */
    @Transactional
    public List<Numbered> page(UUID runId, long afterSeq, int limit) {
        List<?> rows = entities.createNativeQuery("""
                select seq, object_name, backup_id, target_id, action, changed_fields, status, status_code, message,
                    cast(field_changes as text)
                from restore_report_line where run_id = :run and seq > :after order by seq limit :limit
                """).setParameter("run", runId).setParameter("after", afterSeq).setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> {
            List<String> fields = fields((String) row[5]);
            return new Numbered(((Number) row[0]).longValue(), new RestoreReportLine((String) row[1], (String) row[2],
                    (String) row[3], RestoreAction.valueOf((String) row[4]), fields, (String) row[6], (String) row[7],
                    (String) row[8], changes((String) row[9], fields)));
        }).toList();
    }

    /** {"Field": {"before": …, "after": …}}; null for none. */
    private String changes(List<RestoreReportLine.FieldChange> changes) {
        if (changes.isEmpty()) {
            return null;
        }
        ObjectNode byField = json.createObjectNode();
        for (RestoreReportLine.FieldChange change : changes) {
            byField.putObject(change.field()).put("before", change.before()).put("after", change.after());
        }
        return byField.toString();
    }

    /** The stored changes in the order of the line's fields. */
    private List<RestoreReportLine.FieldChange> changes(String stored, List<String> fields) {
        if (stored == null) {
            return List.of();
        }
        try {
            JsonNode byField = json.readTree(stored);
            List<RestoreReportLine.FieldChange> changes = new ArrayList<>();
            for (String field : fields) {
                JsonNode change = byField.get(field);
                if (change != null) {
                    changes.add(new RestoreReportLine.FieldChange(field, text(change.get("before")), text(change.get("after"))));
                }
            }
            return changes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("restore_report_line.field_changes is not JSON: " + stored, e);
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
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
