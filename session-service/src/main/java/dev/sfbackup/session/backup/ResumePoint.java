package dev.sfbackup.session.backup;

import java.util.UUID;

/**
 * What earlier attempts of a backup task committed, read when the task is claimed: the restore point it opened (null
 * before the first attempt opened one), the point's kind, the last batch storage acknowledged and that batch's last
 * record id.
 */
public record ResumePoint(UUID restorePointId, String pointKind, int lastBatchSeq, String lastRecordId) {

    public static final ResumePoint NONE = new ResumePoint(null, null, 0, null);

    public boolean isResumed() {
        return restorePointId != null;
    }
}
