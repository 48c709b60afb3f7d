package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * The content hashes (SHA-256 of a record's canonical JSON, in hex) of the latest committed versions of records, by
 * record id; a record with no version, or deleted, is absent.
 */
@RegisterForReflection
public record ContentHashes(Map<String, String> byId) {
}
