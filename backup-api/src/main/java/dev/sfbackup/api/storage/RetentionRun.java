package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** Asks storage to apply a policy's retention now (storage does not know policies). */
@RegisterForReflection
public record RetentionRun(UUID policyId, Integer retentionDays) {
}
