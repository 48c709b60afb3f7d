package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

@RegisterForReflection
public record RestoreLeaseView(UUID id, UUID restorePointId, String holder, Instant createdAt, Instant expiresAt) {
}
