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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * restore_report_line: one line per record a restore considered, counted in restore_report_count by the statement
 * that writes it. A record seen again (the second pass that writes self-lookups, or a resumed task going over its
 * object again) keeps its first action unless that was UNCHANGED, and gathers the fields written by every pass.
 */
@ApplicationScoped
public class RestoreReport {

    /**
     * Upserts a slice of lines (arrays, one element per line, in order) and adds to the restore's counters what the
     * slice changed: each line written counts in its category, minus what it counted in before it was rewritten.
     */
    private static final String WRITE = """
            with incoming as (
                select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[],
                    ?::text[], ?::text[]) with ordinality
                    as line (object_name, backup_id, target_id, action, changed_fields, status, status_code, message, field_changes, ord)
            ), earlier as (
                select l.object_name, l.backup_id, l.action, l.status from restore_report_line l
                join incoming i on l.object_name = i.object_name and l.backup_id = i.backup_id
                where l.run_id = ?
            ), written as (
                insert into restore_report_line (run_id, object_name, backup_id, task_id, target_id, action, changed_fields,
                    status, status_code, message, field_changes)
                select ?, object_name, backup_id, ?, target_id, action, changed_fields, status, status_code, message,
                    cast(field_changes as jsonb)
                from incoming order by ord
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
                returning object_name, backup_id, action, status
            ), counted as (
                select action, status, 1 as n from written
                union all
                select e.action, e.status, -1 from earlier e join written w on e.object_name = w.object_name and e.backup_id = w.backup_id
            )
            insert into restore_report_count as c (run_id, planned, updated, undeleted, recreated, unchanged, skipped, failed)
            select ?, coalesce(sum(n), 0),
                coalesce(sum(n) filter (where action = 'UPDATE' and status <> 'FAILED'), 0),
                coalesce(sum(n) filter (where action = 'UNDELETE' and status <> 'FAILED'), 0),
                coalesce(sum(n) filter (where action = 'RECREATE' and status <> 'FAILED'), 0),
                coalesce(sum(n) filter (where action = 'UNCHANGED' and status <> 'FAILED'), 0),
                coalesce(sum(n) filter (where action = 'SKIP'), 0),
                coalesce(sum(n) filter (where status = 'FAILED'), 0)
            from counted
            on conflict (run_id) do update set planned = c.planned + excluded.planned, updated = c.updated + excluded.updated,
                undeleted = c.undeleted + excluded.undeleted, recreated = c.recreated + excluded.recreated,
                unchanged = c.unchanged + excluded.unchanged, skipped = c.skipped + excluded.skipped, failed = c.failed + excluded.failed
            """;

    /** Lines per statement; a line whose record is already in the slice starts the next (one upsert cannot touch a row twice). */
    private static final int SLICE = 5000;

    private final EntityManager entities;
    private final ObjectMapper json;

    public RestoreReport(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    /** A bulk chunk's 25,000 lines are five statements, its counters kept in the same transaction. */
    @Transactional
    public void write(UUID runId, UUID taskId, List<RestoreReportLine> lines) {
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement write = connection.prepareStatement(WRITE)) {
                for (List<RestoreReportLine> slice : slices(lines)) {
                    write.setArray(1, connection.createArrayOf("varchar", column(slice, RestoreReportLine::object)));
                    write.setArray(2, connection.createArrayOf("varchar", column(slice, RestoreReportLine::backupId)));
                    write.setArray(3, connection.createArrayOf("varchar", column(slice, RestoreReportLine::targetId)));
                    write.setArray(4, connection.createArrayOf("varchar", column(slice, line -> line.action().name())));
                    write.setArray(5, connection.createArrayOf("text", column(slice, line -> String.join(",", line.changedFields()))));
                    write.setArray(6, connection.createArrayOf("varchar", column(slice, RestoreReportLine::status)));
                    write.setArray(7, connection.createArrayOf("varchar", column(slice, RestoreReportLine::statusCode)));
                    write.setArray(8, connection.createArrayOf("text", column(slice, RestoreReportLine::message)));
                    write.setArray(9, connection.createArrayOf("text", column(slice, line -> changes(line.changes()))));
                    write.setObject(10, runId);
                    write.setObject(11, runId);
                    write.setObject(12, taskId);
                    write.setObject(13, runId);
                    write.execute();
                }
            }
        });
    }

    private static List<List<RestoreReportLine>> slices(List<RestoreReportLine> lines) {
        List<List<RestoreReportLine>> slices = new ArrayList<>();
        List<RestoreReportLine> slice = new ArrayList<>();
        Set<String> inSlice = new HashSet<>();
        for (RestoreReportLine line : lines) {
            if (slice.size() == SLICE || !inSlice.add(line.object() + "/" + line.backupId())) {
                slices.add(slice);
                slice = new ArrayList<>();
                inSlice.clear();
                inSlice.add(line.object() + "/" + line.backupId());
            }
            slice.add(line);
        }
        if (!slice.isEmpty()) {
            slices.add(slice);
        }
        return slices;
    }

    private static String[] column(List<RestoreReportLine> lines, Function<RestoreReportLine, String> value) {
        String[] column = new String[lines.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(lines.get(i));
        }
        return column;
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

    /** As the report's writes counted them (restore_report_count); apiCalls from the restore's tasks. */
    @Transactional
    public RestoreCounters counters(UUID runId) {
        Object[] row = (Object[]) entities.createNativeQuery("""
                select coalesce(c.planned, 0), coalesce(c.updated, 0), coalesce(c.undeleted, 0), coalesce(c.recreated, 0),
                    coalesce(c.unchanged, 0), coalesce(c.skipped, 0), coalesce(c.failed, 0),
                    (select coalesce(sum(api_calls), 0) from task where run_id = :run)
                from (select 1) as one left join restore_report_count c on c.run_id = :run
                """).setParameter("run", runId).getSingleResult();
        long[] n = Arrays.stream(row).mapToLong(value -> ((Number) value).longValue()).toArray();
        return new RestoreCounters(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }

    private static List<String> fields(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).distinct().toList();
    }
}
