package dev.sfbackup.api.storage.cache;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/**
 * Result of POST /api/v1/repositories/{id}/cache/upload: points uploaded (in upload order), objects sent, objects the
 * repository already held from an interrupted upload (not sent again), points still waiting, and why it stopped.
 */
@RegisterForReflection
public record CacheUploadReport(List<UUID> uploaded, long objectsUploaded, long objectsAlreadyPresent, int waiting, String stoppedBecause) {
}
