package dev.sfbackup.policy.service;

import dev.sfbackup.api.policy.PolicyChange;
import dev.sfbackup.api.policy.ScopeExtension;
import dev.sfbackup.api.policy.ScopeExtensionResult;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.policy.Policy;
import dev.sfbackup.policy.PolicyHistory;
import dev.sfbackup.policy.repository.PolicyHistoryRepository;
import dev.sfbackup.policy.repository.PolicyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes the objects and fields session-service found in the org into a policy's scope, as far as the policy's
 * autoAddNewObjects / autoAddNewFields flags allow; the administrator's exclusions always win.
 */
@ApplicationScoped
public class ScopeExtensionService {

    private final PolicyRepository policies;
    private final PolicyHistoryRepository history;

    public ScopeExtensionService(PolicyRepository policies, PolicyHistoryRepository history) {
        this.policies = policies;
        this.history = history;
    }

    @Transactional
    public ScopeExtensionResult extend(UUID policyId, ScopeExtension extension) {
        check(extension);
        // a row lock serialises concurrent extensions of one policy instead of failing one of them
        Policy policy = policies.findByIdOptional(policyId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiProblem.notFound("policy", policyId));
        List<String> added = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> newlyListed = new ArrayList<>();
        for (String object : distinct(extension.addObjects())) {
            if (policy.scopeExclude.contains(object)) {
                ignored.add(object);
            } else if (isListed(policy, object)) {
                added.add(object);
            } else if (policy.autoAddNewObjects) {
                added.add(object);
                if (!policy.scopeObjects.equals(PolicyDefaults.OBJECTS)) {
                    newlyListed.add(object);
                }
            } else {
                ignored.add(object);
            }
        }
        Map<String, List<String>> addedFields = new LinkedHashMap<>();
        Map<String, List<String>> ignoredFields = new LinkedHashMap<>();
        Map<String, List<String>> requestedFields = extension.addFields() == null ? Map.of() : extension.addFields();
        for (Map.Entry<String, List<String>> entry : requestedFields.entrySet()) {
            String object = entry.getKey();
            boolean objectInScope = added.contains(object) || (!ignored.contains(object) && isInScope(policy, object));
            List<String> excludedFields = policy.fieldExclusions.getOrDefault(object, List.of());
            for (String field : distinct(entry.getValue())) {
                boolean takes = objectInScope && policy.autoAddNewFields && !excludedFields.contains(field);
                (takes ? addedFields : ignoredFields).computeIfAbsent(object, k -> new ArrayList<>()).add(field);
            }
        }
        if (!newlyListed.isEmpty()) {
            List<String> objects = new ArrayList<>(policy.scopeObjects);
            objects.addAll(newlyListed);
            policy.scopeObjects = List.copyOf(objects);
            policy.updatedAt = Instant.now();
            policies.flush();
        }
        ScopeExtensionResult result = new ScopeExtensionResult(added, addedFields, ignored, ignoredFields);
        if (!(objects(extension).isEmpty() && requestedFields.isEmpty())) {
            // an extension that names nothing is not a change of the policy: its history stays as it was
            history.persist(PolicyHistory.of(policy, PolicyChange.SCOPE_EXTENDED, extension.reason(), result));
        }
        return result;
    }

    /** "all" covers every object the org has; otherwise only the listed ones (exclusions aside). */
    private static boolean isListed(Policy policy, String object) {
        return !policy.scopeObjects.equals(PolicyDefaults.OBJECTS) && policy.scopeObjects.contains(object);
    }

    private static boolean isInScope(Policy policy, String object) {
        return !policy.scopeExclude.contains(object)
                && (policy.scopeObjects.equals(PolicyDefaults.OBJECTS) || policy.scopeObjects.contains(object));
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static List<String> objects(ScopeExtension extension) {
        return extension.addObjects() == null ? List.of() : extension.addObjects();
    }

    private static void check(ScopeExtension extension) {
        if (extension == null) {
            throw ApiProblem.badRequest("body", "a scope extension object is required");
        }
        FieldErrors errors = new FieldErrors();
        List<String> objects = objects(extension);
        if (objects.size() > PolicyValidator.MAX_OBJECTS) {
            errors.add("addObjects", "must list at most " + PolicyValidator.MAX_OBJECTS + " objects; got " + objects.size());
            errors.throwIfAny();
        }
        if (extension.addFields() != null && extension.addFields().size() > PolicyValidator.MAX_OBJECTS) {
            errors.add("addFields", "must name at most " + PolicyValidator.MAX_OBJECTS + " objects; got " + extension.addFields().size());
            errors.throwIfAny();
        }
        for (int i = 0; i < objects.size(); i++) {
            if (!PolicyValidator.isValidApiName(objects.get(i))) {
                errors.add("addObjects[" + i + "]", "must be a Salesforce API name; got " + objects.get(i));
            }
        }
        if (extension.addFields() != null) {
            extension.addFields().forEach((object, fields) -> {
                if (!PolicyValidator.isValidApiName(object)) {
                    errors.add("addFields." + object, "the key must be a Salesforce object API name");
                } else if (fields == null || fields.size() > PolicyValidator.MAX_OBJECTS
                        || fields.stream().anyMatch(f -> !PolicyValidator.isValidApiName(f))) {
                    errors.add("addFields." + object, "must be an array of at most " + PolicyValidator.MAX_OBJECTS
                            + " Salesforce field API names");
                }
            });
        }
        if (extension.reason() != null && extension.reason().length() > 2000) {
            errors.add("reason", "must be at most 2000 characters");
        }
        errors.throwIfAny();
    }
}
