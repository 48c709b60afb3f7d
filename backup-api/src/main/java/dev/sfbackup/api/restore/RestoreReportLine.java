package dev.sfbackup.api.restore;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One record of a restore's report: its id in the backup and in the target org, the action, the fields written (or, in
 * a dry run, that would be), the status (OK, FAILED, PLANNED in a dry run) and Salesforce's code and message.
 */
@RegisterForReflection
public record RestoreReportLine(String object, String backupId, String targetId, RestoreAction action,
        List<String> changedFields, String status, String statusCode, String message) {
}
