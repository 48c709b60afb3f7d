package dev.sfbackup.storage.repository.backend;

import java.net.URI;

/**
 * Where and how to reach an S3-compatible bucket. {@code prefix} may be empty; otherwise objects live under "prefix/".
 * {@code pathStyle} puts the bucket in the path (https://host/bucket/key), which MinIO, Ceph and R2 expect.
 */
public record S3Settings(URI endpoint, String region, String bucket, String prefix, S3Credentials credentials,
                         boolean pathStyle) {

    public String keyPrefix() {
        if (prefix == null || prefix.isBlank()) {
            return "";
        }
        String trimmed = prefix.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }
}
