package dev.sfbackup.api.storage.cache;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/** GET /api/v1/repositories/{id}/cache: settings, bytes used, and every restore point that used the cache, oldest first. */
@RegisterForReflection
public record CacheView(UUID repositoryId, CacheSettings settings, long usedBytes, List<CachedRestorePointView> points) {
}
