package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.restore.RestoreAction;
import dev.sfbackup.api.restore.RestoreReportLine;
import java.util.ArrayList;
import java.util.List;

/**
 * What a restore decided for one stored record and, once written, how it went: the action, the target id, the body to
 * write (the differing fields on update, the createable ones on insert) and the notes for the report.
 */
final class RecordOutcome {

    final String backupId;
    String targetId;
    RestoreAction action;
    final ObjectNode body;
    final List<String> changedFields = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** Each written field's value in the org and the one written, kept for a dry run's report. */
    final List<RestoreReportLine.FieldChange> changes = new ArrayList<>();
    String status;
    String statusCode;

    RecordOutcome(String backupId, String targetId, RestoreAction action, ObjectNode body) {
        this.backupId = backupId;
        this.targetId = targetId;
        this.action = action;
        this.body = body;
    }

    boolean failed() {
        return "FAILED".equals(status);
    }

    /**
     * Marks the field written; with {@code keepValues} (a dry run) also its value in the org before ({@code now}, null
     * for none) and the value written.
     */
    void change(String field, JsonNode now, JsonNode written, boolean keepValues) {
        if (!changedFields.contains(field)) {
            changedFields.add(field);
        }
        if (keepValues) {
            changes.removeIf(change -> change.field().equals(field));
            changes.add(new RestoreReportLine.FieldChange(field, text(now), text(written)));
        }
    }

    private static String text(JsonNode value) {
        return FieldValues.isEmpty(value) ? null : value.asText();
    }

    void fail(String code, String message) {
        status = "FAILED";
        statusCode = code;
        notes.add(message);
    }
}
