package dev.sfbackup.storage.restorepoint;

import dev.sfbackup.api.storage.RestorePointCounters;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.api.storage.cache.StorageLocation;
import java.time.Instant;
import java.util.UUID;

/**
 * A restore point as stored. seq orders all points; streamId is the version chain of (policy, org, object), null for a
 * run's FILE or METADATA point. location, cacheReason and cachedAt: where its files live and why it used the backup cache.
 */
public record RestorePoint(UUID id, long seq, UUID policyId, UUID sessionId, String orgId, String object,
        RestorePointKind kind, RestorePointState state, UUID repositoryId, Long streamId, Instant createdAt,
        Instant committedAt, RestorePointCounters counters, StorageLocation location, String cacheReason, Instant cachedAt) {

    public boolean isOpen() {
        return state == RestorePointState.OPEN;
    }

    public boolean isCommitted() {
        return state == RestorePointState.COMMITTED;
    }

    public RestorePointView toView() {
        return new RestorePointView(id, policyId, sessionId, orgId, object, kind, state, repositoryId, createdAt,
                committedAt, counters, location, cacheReason, cachedAt);
    }
}
