package dev.sfbackup.storage.repository.backend;

import java.net.URI;

/** Where and how to reach an S3-compatible bucket. {@code prefix} may be empty; otherwise objects live under "prefix/". */
public record S3Settings(URI endpoint, String region, String bucket, String prefix, String accessKey, String secretKey,
                         boolean pathStyle) {

    public String keyPrefix() {
        if (prefix == null || prefix.isBlank()) {
            return "";
        }
        String trimmed = prefix.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }
}
