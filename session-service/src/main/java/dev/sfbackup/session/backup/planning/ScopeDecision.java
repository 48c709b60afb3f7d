package dev.sfbackup.session.backup.planning;

import java.util.List;
import java.util.Map;

/**
 * Which org objects a run backs up. newObjects appeared in the org since the policy's previous run and are neither
 * named nor excluded by the scope: they are backed up only if policy-service adds them to the scope.
 */
public record ScopeDecision(List<String> objects, Map<String, String> skipped, List<String> newObjects) {

    public ScopeDecision {
        objects = List.copyOf(objects);
        skipped = Map.copyOf(skipped);
        newObjects = List.copyOf(newObjects);
    }
}
