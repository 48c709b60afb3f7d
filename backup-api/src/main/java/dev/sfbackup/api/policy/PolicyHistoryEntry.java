package dev.sfbackup.api.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of GET /api/v1/policies/{id}/history, oldest first. version is the policy's version after the change;
 * scopeExtension is set on SCOPE_EXTENDED entries only.
 */
@RegisterForReflection
public record PolicyHistoryEntry(long id, UUID policyId, Instant at, PolicyChange change, long version, String reason,
        ScopeExtensionResult scopeExtension) {
}
