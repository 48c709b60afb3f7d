package dev.sfbackup.api.storage.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/**
 * Result of POST /api/v1/repositories/{id}/verify?readData=percent. ok is false when anything is damaged.
 * filesWithMissingChunks lists files whose chunks are in no index at all.
 */
@RegisterForReflection
public record VerifyReport(UUID repositoryId, boolean ok, int readDataPercent, int indexFiles, int packsChecked, int packsRead,
        long bytesRead, List<DamagedPack> damagedPacks, List<String> damagedIndexFiles, List<String> unindexedPacks,
        List<UUID> filesWithMissingChunks, List<UUID> affectedRestorePoints) {
}
