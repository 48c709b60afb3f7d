package dev.sfbackup.api.storage.cache;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of PUT /api/v1/repositories/{id}/cache. path: an absolute local directory; maxBytes: the cache's size limit;
 * reconnectWindow: ISO-8601 duration an S3 repository lost during a restore point is retried before the point switches
 * to the cache (null = PT30M).
 */
@RegisterForReflection
public record CacheSettings(Boolean enabled, String path, Long maxBytes, String reconnectWindow) {
}
