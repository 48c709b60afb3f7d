package dev.sfbackup.api.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * One task of a session: its kind (BACKUP_DATA, BACKUP_FILES, BACKUP_DESCRIBE, BACKUP_METADATA, …), the object it
 * works on, its status and progress; for a backup task the restore point it writes and its last acknowledged batch
 * (null, null and 0 for other kinds).
 */
@RegisterForReflection
public record TaskView(UUID id, String kind, String object, TaskStatus status, UUID restorePointId, String pointKind,
        int lastBatchSeq, String claimedBy, Instant heartbeatAt, int attempts, Instant startedAt, Instant endedAt,
        String message, SessionCounters counters) {
}
