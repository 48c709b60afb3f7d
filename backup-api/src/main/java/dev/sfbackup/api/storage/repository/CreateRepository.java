package dev.sfbackup.api.storage.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of POST /api/v1/repositories and PUT /api/v1/repositories/{id}: path for LOCAL, s3 for S3. */
@RegisterForReflection
public record CreateRepository(String name, RepositoryKind kind, String path, S3Location s3) {
}
