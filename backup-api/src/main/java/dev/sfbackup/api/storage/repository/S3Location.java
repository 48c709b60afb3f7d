package dev.sfbackup.api.storage.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where an S3 repository lives and how it signs in. credentials is STATIC (the default: accessKey and secretKey
 * required) or DEFAULT_CHAIN (no keys: storage-service's own cloud identity). secretKey is write-only: it is never
 * returned (views say secretKeySet). pathStyle (default true) addresses the bucket in the path, as MinIO, Ceph and R2 expect.
 */
@RegisterForReflection
public record S3Location(String endpoint, String region, String bucket, String prefix, S3CredentialSource credentials,
        String accessKey, String secretKey, Boolean pathStyle) {
}
