package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.restore.RestoreAction;
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

    void fail(String code, String message) {
        status = "FAILED";
        statusCode = code;
        notes.add(message);
    }
}
