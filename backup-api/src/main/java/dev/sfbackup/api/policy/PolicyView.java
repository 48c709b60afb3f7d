package dev.sfbackup.api.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * A stored policy, every default filled in. version grows by one with every change; it is also the ETag that PUT and
 * DELETE must send back in If-Match.
 */
@RegisterForReflection
public record PolicyView(UUID id, String name, boolean enabled, UUID connectionId, UUID repositoryId, PolicyScope scope,
        PolicySchedule schedule, int retentionDays, PolicyOptions options, long version) {
}
