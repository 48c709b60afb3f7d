package dev.sfbackup.api.storage.repository;

import dev.sfbackup.api.storage.cache.StorageLocation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * A stored file or metadata package: newBytes were stored for the first time, dedupBytes were already in the repository;
 * location is where its restore point's files live (CACHE while the point is in the repository's backup cache).
 */
@RegisterForReflection
public record FileView(UUID id, String sourceId, String name, long size, String sha256, long newBytes, long dedupBytes,
        StorageLocation location) {

    public FileView(UUID id, String sourceId, String name, long size, String sha256, long newBytes, long dedupBytes) {
        this(id, sourceId, name, size, sha256, newBytes, dedupBytes, StorageLocation.REPOSITORY);
    }
}
