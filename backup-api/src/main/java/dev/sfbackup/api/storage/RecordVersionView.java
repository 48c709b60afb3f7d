package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One stored version of a record, oldest first in a list. restorePointId is null when retention removed the point
 * but kept the version because later points still read it. changedFields are relative to the previous version.
 */
@RegisterForReflection
public record RecordVersionView(UUID restorePointId, UUID policyId, String recordId, Instant committedAt,
        boolean tombstone, String contentHash, List<String> changedFields) {
}
