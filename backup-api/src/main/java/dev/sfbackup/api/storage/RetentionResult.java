package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

@RegisterForReflection
public record RetentionResult(UUID policyId, int restorePointsRemoved, long versionsRemoved) {
}
