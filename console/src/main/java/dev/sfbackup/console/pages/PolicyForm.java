package dev.sfbackup.console.pages;

import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.api.policy.PolicyView;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The policy form as submitted: field names follow policy-service's API (scope.objects, schedule.cron, …), so the
 * field errors of its problem+json answers land beside the inputs they concern.
 */
public class PolicyForm {

    @RestForm
    public String name;
    @RestForm
    public String connectionId;
    @RestForm
    public String repositoryId;
    @RestForm
    public String objects;
    @RestForm
    public boolean autoAddNewObjects;
    @RestForm
    public boolean autoAddNewFields;
    @RestForm
    public boolean includeFiles;
    @RestForm
    public boolean includeMetadata;
    @RestForm
    public String cron;
    @RestForm
    public String timeZone;
    @RestForm
    public String retentionDays;
    @RestForm
    public boolean enabled;
    /** The version the form was opened on: sent back as If-Match, so a change made meanwhile is not overwritten. */
    @RestForm
    public String version;
    @RestForm("_csrf")
    public String csrf;

    /** A new policy's defaults. */
    public static PolicyForm blank() {
        PolicyForm form = new PolicyForm();
        form.objects = "all";
        form.autoAddNewObjects = true;
        form.autoAddNewFields = true;
        form.timeZone = "UTC";
        form.retentionDays = "30";
        form.enabled = true;
        return form;
    }

    public static PolicyForm of(PolicyView policy) {
        PolicyForm form = new PolicyForm();
        form.name = policy.name();
        form.connectionId = String.valueOf(policy.connectionId());
        form.repositoryId = policy.repositoryId() == null ? "" : policy.repositoryId().toString();
        PolicyScope scope = policy.scope();
        form.objects = scope == null || scope.objects() == null ? "all" : String.join(", ", scope.objects());
        form.autoAddNewObjects = scope == null || !Boolean.FALSE.equals(scope.autoAddNewObjects());
        form.autoAddNewFields = scope == null || !Boolean.FALSE.equals(scope.autoAddNewFields());
        form.includeFiles = scope != null && Boolean.TRUE.equals(scope.includeFiles());
        form.includeMetadata = scope != null && Boolean.TRUE.equals(scope.includeMetadata());
        form.cron = policy.schedule() == null ? "" : policy.schedule().cron();
        form.timeZone = policy.schedule() == null || policy.schedule().timeZone() == null ? "UTC" : policy.schedule().timeZone();
        form.retentionDays = Integer.toString(policy.retentionDays());
        form.enabled = policy.enabled();
        form.version = Long.toString(policy.version());
        return form;
    }

    /** Errors the console finds before asking policy-service: values that are not even of the right type. */
    public Map<String, String> typeErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!blank(retentionDays) && !retentionDays.strip().matches("\\d{1,6}")) {
            errors.put("retentionDays", "must be a whole number of days");
        }
        if (!blank(connectionId) && !isUuid(connectionId)) {
            errors.put("connectionId", "choose a connection from the list");
        }
        if (!blank(repositoryId) && !isUuid(repositoryId)) {
            errors.put("repositoryId", "choose a repository from the list");
        }
        return errors;
    }

    /**
     * The PolicyRequest body. Parts the form does not show (excluded objects, field exclusions, options) are taken
     * from {@code current} when editing, so saving the form keeps them.
     */
    public Map<String, Object> toRequest(PolicyView current) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("objects", objectList());
        scope.put("exclude", current != null && current.scope() != null && current.scope().exclude() != null ? current.scope().exclude() : List.of());
        scope.put("autoAddNewObjects", autoAddNewObjects);
        scope.put("autoAddNewFields", autoAddNewFields);
        scope.put("includeFiles", includeFiles);
        scope.put("includeMetadata", includeMetadata);
        if (current != null && current.scope() != null && current.scope().fieldExclusions() != null) {
            scope.put("fieldExclusions", current.scope().fieldExclusions());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", blank(name) ? "" : name.strip());
        body.put("enabled", enabled);
        body.put("connectionId", blank(connectionId) ? null : UUID.fromString(connectionId.strip()));
        body.put("repositoryId", blank(repositoryId) ? null : UUID.fromString(repositoryId.strip()));
        body.put("scope", scope);
        if (!blank(cron)) {
            body.put("schedule", Map.of("cron", cron.strip(), "timeZone", blank(timeZone) ? "UTC" : timeZone.strip()));
        }
        body.put("retentionDays", blank(retentionDays) ? null : Integer.valueOf(retentionDays.strip()));
        PolicyOptions options = current == null ? null : current.options();
        if (options != null) {
            body.put("options", options);
        }
        return body;
    }

    private List<String> objectList() {
        if (blank(objects)) {
            return List.of();
        }
        return Arrays.stream(objects.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
