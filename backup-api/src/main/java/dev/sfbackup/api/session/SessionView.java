package dev.sfbackup.api.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session with its counters (summed over its tasks) and, on the detail endpoint, its tasks. lastProgressAt: when a
 * task last read, wrote or uploaded anything (the watchdog's measure of inactivity).
 */
@RegisterForReflection
public record SessionView(UUID id, UUID runId, UUID policyId, SessionType type, BackupKind kind, SessionStatus status,
        String label, Instant createdAt, Instant startedAt, Instant endedAt, Instant lastProgressAt, String failureReason,
        boolean stopRequested, SessionCounters counters, List<TaskView> tasks) {
}
