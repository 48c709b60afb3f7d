package dev.sfbackup.api.storage.cache;

import dev.sfbackup.api.storage.RestorePointState;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** A restore point that used the cache: where it lives now, why it went to the cache, when it was uploaded. */
@RegisterForReflection
public record CachedRestorePointView(UUID id, UUID policyId, RestorePointState state, StorageLocation location,
        String reason, Instant cachedAt, Instant uploadedAt, long files) {
}
