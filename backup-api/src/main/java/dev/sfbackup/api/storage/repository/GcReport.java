package dev.sfbackup.api.storage.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Result of POST /api/v1/repositories/{id}/gc. */
@RegisterForReflection
public record GcReport(int packsDeleted, long bytesFreed, int indexFilesRewritten, int orphanPacksDeleted) {
}
