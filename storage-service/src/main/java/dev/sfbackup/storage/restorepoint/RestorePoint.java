package dev.sfbackup.storage.restorepoint;

import dev.sfbackup.api.storage.RestorePointCounters;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.RestorePointView;
import java.time.Instant;
import java.util.UUID;

/**
 * A restore point as stored. seq orders all points; streamId is the version chain of (policy, org, object), null for a
 * run's FILE or METADATA point.
 */
public record RestorePoint(UUID id, long seq, UUID policyId, UUID sessionId, String orgId, String object,
        RestorePointKind kind, RestorePointState state, UUID repositoryId, Long streamId, Instant createdAt,
        Instant committedAt, RestorePointCounters counters) {

    public boolean isOpen() {
        return state == RestorePointState.OPEN;
    }

    public boolean isCommitted() {
        return state == RestorePointState.COMMITTED;
    }

    public RestorePointView toView() {
        return new RestorePointView(id, policyId, sessionId, orgId, object, kind, state, repositoryId, createdAt,
                committedAt, counters);
    }
}
