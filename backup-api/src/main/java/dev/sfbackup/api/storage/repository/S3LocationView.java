package dev.sfbackup.api.storage.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record S3LocationView(String endpoint, String region, String bucket, String prefix, S3CredentialSource credentials,
        String accessKey, boolean secretKeySet, boolean pathStyle) {
}
