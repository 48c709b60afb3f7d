package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

@RegisterForReflection
public record RestorePointView(UUID id, UUID policyId, UUID sessionId, String orgId, String object, RestorePointKind kind,
        RestorePointState state, UUID repositoryId, Instant createdAt, Instant committedAt, RestorePointCounters counters) {
}
