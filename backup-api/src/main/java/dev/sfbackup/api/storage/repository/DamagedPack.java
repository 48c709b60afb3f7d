package dev.sfbackup.api.storage.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

@RegisterForReflection
public record DamagedPack(String packId, String reason, List<UUID> affectedFiles, List<UUID> affectedRestorePoints) {
}
