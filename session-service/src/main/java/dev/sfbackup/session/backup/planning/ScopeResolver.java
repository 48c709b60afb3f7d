package dev.sfbackup.session.backup.planning;

import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.salesforce.ObjectEligibility;
import dev.sfbackup.salesforce.SObjectSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Matches a policy scope against the org's describeGlobal and what earlier runs of the policy saw. */
public final class ScopeResolver {

    private ScopeResolver() {
    }

    /**
     * @param knownObjects objects earlier runs saw in the org; empty on the policy's first run (nothing is new then)
     * @param ignoredObjects objects an earlier run found new and policy-service did not add
     */
    public static ScopeDecision resolve(PolicyScope scope, List<SObjectSummary> orgObjects, Set<String> knownObjects,
            Set<String> ignoredObjects) {
        Set<String> named = caseInsensitive(scope.objects() == null ? List.of("all") : scope.objects());
        boolean all = named.contains("all");
        Set<String> excluded = caseInsensitive(scope.exclude() == null ? List.of() : scope.exclude());
        Set<String> known = caseInsensitive(knownObjects);
        Set<String> ignored = caseInsensitive(ignoredObjects);
        List<String> objects = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        List<String> newObjects = new ArrayList<>();
        Set<String> inOrg = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (SObjectSummary object : orgObjects) {
            String name = object.name();
            inOrg.add(name);
            if (excluded.contains(name)) {
                continue;
            }
            boolean isNew = !known.isEmpty() && !known.contains(name);
            boolean wanted = named.contains(name) || (all && !isNew && !ignored.contains(name));
            ObjectEligibility eligibility = ObjectEligibility.classify(object);
            if (!wanted) {
                if (isNew && eligibility.backedUp()) {
                    newObjects.add(name);
                }
                continue;
            }
            if (eligibility.backedUp()) {
                objects.add(name);
            } else {
                skipped.put(name, eligibility.skipReason().orElseThrow());
            }
        }
        for (String name : named) {
            if (!name.equalsIgnoreCase("all") && !inOrg.contains(name)) {
                skipped.put(name, "not found in the org's describeGlobal");
            }
        }
        return new ScopeDecision(objects, skipped, newObjects);
    }

    private static Set<String> caseInsensitive(java.util.Collection<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
