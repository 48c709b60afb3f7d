package dev.sfbackup.api.session;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An object of an org, from its describeGlobal (GET /api/v1/connections/{id}/objects on session-service): its API name
 * and label, whether it is custom, and whether a backup can read it (skipReason says why not).
 */
@RegisterForReflection
public record OrgObjectView(String name, String label, boolean custom, boolean backedUp, String skipReason) {
}
