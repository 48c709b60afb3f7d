package dev.sfbackup.session.engine;

import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.SessionType;
import java.util.UUID;

/**
 * What an engine instance needs to run a task it claimed. restorePointId and lastBatchSeq are set when the task is
 * resumed after its previous claimant stopped heart-beating.
 */
public record ClaimedTask(UUID taskId, UUID sessionId, UUID runId, UUID policyId, SessionType sessionType,
        BackupKind runKind, String object, Long expectedRecords, UUID restorePointId, String pointKind, int lastBatchSeq,
        String lastRecordId, int attempt, int apiBudgetPercent) {

    public boolean isResumed() {
        return restorePointId != null;
    }
}
