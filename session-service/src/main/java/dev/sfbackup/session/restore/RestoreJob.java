package dev.sfbackup.session.restore;

import dev.sfbackup.api.restore.RestoreMode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A restore as its tasks see it: what it reads (the policy's records as of {@code asOf}, or of one restore point) and
 * where it writes (the target connection), how, and the field mapping per object (backup field → target field).
 */
public record RestoreJob(UUID runId, UUID policyId, UUID targetConnectionId, UUID restorePointId, Instant asOf,
        RestoreMode mode, boolean dryRun, Map<String, Map<String, String>> fieldMapping, String defaultOwnerId) {

    public RestoreJob {
        fieldMapping = fieldMapping == null ? Map.of() : Map.copyOf(fieldMapping);
    }

    /**
     * How storage's point-in-time read names the point: the instant, for every object (given a restore point, the end
     * of the backup run that wrote it, so each object is read as that run left it).
     */
    public String pointReference() {
        return asOf.toString();
    }

    public boolean updates() {
        return mode != RestoreMode.RECREATE;
    }

    public boolean recreates() {
        return mode != RestoreMode.UPDATE;
    }

    public Map<String, String> mappingOf(String object) {
        return fieldMapping.getOrDefault(object, Map.of());
    }
}
