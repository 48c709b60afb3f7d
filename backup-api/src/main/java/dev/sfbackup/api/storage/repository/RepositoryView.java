package dev.sfbackup.api.storage.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

@RegisterForReflection
public record RepositoryView(UUID id, String name, RepositoryKind kind, String path, S3LocationView s3, Instant createdAt,
        Instant updatedAt) {
}
