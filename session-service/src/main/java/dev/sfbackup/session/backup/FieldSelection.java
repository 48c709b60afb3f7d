package dev.sfbackup.session.backup;

import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.policy.ScopeExtension;
import dev.sfbackup.api.policy.ScopeExtensionResult;
import dev.sfbackup.salesforce.FieldDescribe;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.session.CatalogEntry;
import dev.sfbackup.session.client.PolicyClient;
import dev.sfbackup.session.engine.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the fields a task reads: the object's fields minus blobs and compound fields, the policy's field exclusions
 * and fields found new while autoAddNewFields was off. New fields are offered to policy-service, which adds them to
 * the scope only when the policy allows it.
 */
@ApplicationScoped
public class FieldSelection {

    private static final Set<String> NOT_QUERIED_TYPES = Set.of("base64", "address", "location");

    private final CatalogStore catalog;
    private final PolicyClient policies;

    public FieldSelection(CatalogStore catalog, PolicyClient policies) {
        this.catalog = catalog;
        this.policies = policies;
    }

    /** The fields to read; context: the task's, whose log hears about new fields. */
    public List<String> select(PolicyView policy, SObjectDescribe describe, TaskContext context) {
        String object = describe.name();
        CatalogEntry known = catalog.entry(policy.id(), object);
        Set<String> knownFields = caseInsensitive(known.fieldSet());
        Set<String> ignored = caseInsensitive(known.ignoredFieldSet());
        List<String> fresh = knownFields.isEmpty() ? List.of()
                : describe.fieldNames().stream().filter(name -> !knownFields.contains(name)).toList();
        if (!fresh.isEmpty()) {
            ScopeExtensionResult result = policies.extendScope(policy.id(),
                    new ScopeExtension(List.of(), Map.of(object, fresh), "new fields found in the org by an incremental run"));
            List<String> added = orEmpty(result.addedFields(), object);
            List<String> notAdded = orEmpty(result.ignoredFields(), object);
            if (!added.isEmpty()) {
                context.info(object + ": new fields " + added
                        + " added to the policy scope (autoAddNewFields is on) and backed up from now on");
            }
            if (!notAdded.isEmpty()) {
                context.info(object + ": new fields " + notAdded
                        + " ignored (autoAddNewFields is off or the fields are excluded)");
                ignored.addAll(notAdded);
            }
        }
        if (!known.holds(describe.fieldNames(), ignored)) {
            catalog.rememberFields(policy.id(), object, describe.fieldNames(), ignored);
        }
        Set<String> excluded = caseInsensitive(exclusions(policy, object));
        List<String> selected = new ArrayList<>();
        for (FieldDescribe field : describe.fields()) {
            boolean wanted = field.name().equals("Id")
                    || (!NOT_QUERIED_TYPES.contains(field.type()) && !excluded.contains(field.name()) && !ignored.contains(field.name()));
            if (wanted) {
                selected.add(field.name());
            }
        }
        return selected;
    }

    private static List<String> exclusions(PolicyView policy, String object) {
        Map<String, List<String>> byObject = policy.scope().fieldExclusions();
        if (byObject == null) {
            return List.of();
        }
        return byObject.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(object))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    private static List<String> orEmpty(Map<String, List<String>> fieldsByObject, String object) {
        if (fieldsByObject == null) {
            return List.of();
        }
        return fieldsByObject.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(object))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    private static Set<String> caseInsensitive(java.util.Collection<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
