package dev.sfbackup.api.storage.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * A file body a policy holds as of a time: the newest stored copy of one Salesforce record's body (sourceId, e.g. a
 * ContentVersion id), in the restore point that stored it.
 */
@RegisterForReflection
public record PolicyFileView(UUID id, UUID restorePointId, String sourceId, String name, long size, String sha256) {
}
