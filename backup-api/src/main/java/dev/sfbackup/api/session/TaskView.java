package dev.sfbackup.api.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** One task of a session: the object it backs up, its restore point and its progress. */
@RegisterForReflection
public record TaskView(UUID id, String object, TaskStatus status, UUID restorePointId, String pointKind,
        int lastBatchSeq, String claimedBy, Instant heartbeatAt, int attempts, Instant startedAt, Instant endedAt,
        String message, SessionCounters counters) {
}
