package dev.sfbackup.api.storage;

import dev.sfbackup.api.storage.cache.StorageLocation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A restore point. location says where its files and metadata live (REPOSITORY, or the repository's backup CACHE while
 * it waits for upload, UPLOADING during the upload); cacheReason and cachedAt say why and since when it used the cache
 * (null for a point that never did).
 */
@RegisterForReflection
public record RestorePointView(UUID id, UUID policyId, UUID sessionId, String orgId, String object, RestorePointKind kind,
        RestorePointState state, UUID repositoryId, Instant createdAt, Instant committedAt, RestorePointCounters counters,
        StorageLocation location, String cacheReason, Instant cachedAt) {

    /** A point that never used the backup cache. */
    public RestorePointView(UUID id, UUID policyId, UUID sessionId, String orgId, String object, RestorePointKind kind,
            RestorePointState state, UUID repositoryId, Instant createdAt, Instant committedAt, RestorePointCounters counters) {
        this(id, policyId, sessionId, orgId, object, kind, state, repositoryId, createdAt, committedAt, counters,
                StorageLocation.REPOSITORY, null, null);
    }
}
