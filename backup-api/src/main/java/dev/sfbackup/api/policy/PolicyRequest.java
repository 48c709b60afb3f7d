package dev.sfbackup.api.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Body of POST and PUT /api/v1/policies. enabled defaults to true, scope and options to their defaults, schedule to
 * none (manual runs only), retentionDays to 30. repositoryId is required when the scope includes files or metadata.
 */
@RegisterForReflection
public record PolicyRequest(String name, Boolean enabled, UUID connectionId, UUID repositoryId, PolicyScope scope,
        PolicySchedule schedule, Integer retentionDays, PolicyOptions options) {
}
