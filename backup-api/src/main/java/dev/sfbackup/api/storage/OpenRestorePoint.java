package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import java.util.UUID;

/**
 * Opens a restore point. object is null for a run's FILE or METADATA point; schema is the object's describe result;
 * repositoryId is required when files or metadata will be stored in the point; connectionId is the policy's org
 * connection in policy-service, which storage records with the point so that callers limited to some orgs see only
 * theirs (orgId is the Salesforce organization id, which storage does not scope by).
 * <p>
 * id, when given, is the point's id, chosen by the caller: opening it again answers the point opened under it, so a
 * retried open whose first answer was lost opens no second point, and a caller that never got an answer still knows
 * which point to discard. Without it, storage chooses the id.
 */
@RegisterForReflection
public record OpenRestorePoint(UUID id, UUID policyId, UUID sessionId, String orgId, String object, RestorePointKind kind,
        Map<String, Object> schema, UUID repositoryId, UUID connectionId) {
}
