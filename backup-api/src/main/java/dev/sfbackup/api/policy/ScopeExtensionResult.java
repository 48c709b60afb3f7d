package dev.sfbackup.api.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * What a scope extension did: added* are in the policy's scope after the call (back them up), ignored* are not
 * (auto-add is off for them, or the administrator excluded them).
 */
@RegisterForReflection
public record ScopeExtensionResult(List<String> addedObjects, Map<String, List<String>> addedFields,
        List<String> ignoredObjects, Map<String, List<String>> ignoredFields) {
}
