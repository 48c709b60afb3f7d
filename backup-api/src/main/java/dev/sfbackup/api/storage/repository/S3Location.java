package dev.sfbackup.api.storage.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Where an S3 repository lives. secretKey is write-only: it is never returned (views say secretKeySet). */
@RegisterForReflection
public record S3Location(String endpoint, String region, String bucket, String prefix, String accessKey, String secretKey,
        Boolean pathStyle) {
}
