package dev.sfbackup.api.restore;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One record of a restore's report: its id in the backup and in the target org, the action, the fields written (or, in
 * a dry run, that would be), the status (OK, FAILED, PLANNED in a dry run) and Salesforce's code and message. A dry
 * run also lists each of those fields' value in the org now and the value the restore would write ({@code changes};
 * empty in a real run).
 */
@RegisterForReflection
public record RestoreReportLine(String object, String backupId, String targetId, RestoreAction action,
        List<String> changedFields, String status, String statusCode, String message, List<FieldChange> changes) {

    public RestoreReportLine {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** A field's value in the target org before the restore (null: empty or no record) and the one it writes. */
    @RegisterForReflection
    public record FieldChange(String field, String before, String after) {
    }
}
