package dev.sfbackup.api.storage.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** A stored file or metadata package: newBytes were stored for the first time, dedupBytes were already in the repository. */
@RegisterForReflection
public record FileView(UUID id, String sourceId, String name, long size, String sha256, long newBytes, long dedupBytes) {
}
