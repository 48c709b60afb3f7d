package dev.sfbackup.api.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** Body of PATCH /api/v1/policies/{id}/scope: objects and fields session-service found in the org since the last run. */
@RegisterForReflection
public record ScopeExtension(List<String> addObjects, Map<String, List<String>> addFields, String reason) {
}
