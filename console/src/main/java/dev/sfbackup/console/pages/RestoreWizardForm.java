package dev.sfbackup.console.pages;

import dev.sfbackup.api.restore.RestoreRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The restore wizard as submitted: a policy, a point in time (one of its restore points, or an instant), objects with
 * the records to restore (ids, or a filter on stored field values, or all), the fields to write, the target org with a
 * field mapping, mode and hierarchy. Each object row sends the same five inputs, so the repeated values line up by
 * index. {@link #toRequest(boolean)} makes session-service's {@link RestoreRequest}; field errors are keyed as its
 * problem+json names them ({@code objects[0].ids}, {@code target.defaultOwnerId}, …) so either lands beside its input.
 */
public class RestoreWizardForm {

    public static final List<String> MODES = List.of("UPDATE_AND_RECREATE", "UPDATE", "RECREATE");
    /** Object rows the form offers beyond those filled in. */
    static final int BLANK_ROWS = 2;
    private static final Pattern SPLIT = Pattern.compile("[,;\\s]+");
    private static final Pattern PAIRS = Pattern.compile("[;\\n]+");

    @RestForm
    public String policyId;
    @RestForm
    public String restorePointId;
    @RestForm
    public String asOf;
    @RestForm
    public List<String> object = new ArrayList<>();
    @RestForm
    public List<String> ids = new ArrayList<>();
    @RestForm
    public List<String> where = new ArrayList<>();
    @RestForm
    public List<String> fields = new ArrayList<>();
    @RestForm
    public List<String> mapping = new ArrayList<>();
    @RestForm
    public String mode;
    @RestForm
    public String parents;
    @RestForm
    public String children;
    @RestForm
    public String targetConnectionId;
    @RestForm
    public String defaultOwnerId;
    @RestForm("_csrf")
    public String csrf;

    /** One object of the form, its inputs as typed. */
    public record ObjectRow(int index, String object, String ids, String where, String fields, String mapping) {

        /** The name session-service gives an error of this row's input ({@code objects[1].ids}, …). */
        public String errorKey(String input) {
            return input.equals("mapping") ? "target.fieldMapping." + object : "objects[" + index + "]." + input;
        }
    }

    /** A new wizard for a policy, optionally with one object's records already chosen (from browse) at a point. */
    public static RestoreWizardForm start(String policyId, String object, String recordIds, String restorePointId) {
        RestoreWizardForm form = new RestoreWizardForm();
        form.policyId = policyId;
        form.restorePointId = restorePointId;
        form.mode = MODES.getFirst();
        form.parents = "1";
        form.children = "0";
        if (object != null && !object.isBlank()) {
            form.addRow(object.strip(), recordIds == null ? "" : recordIds.strip(), "", "", "");
        }
        return form;
    }

    /** The form a request was made from: "change the plan" after a dry run. */
    public static RestoreWizardForm of(RestoreRequest request) {
        RestoreWizardForm form = new RestoreWizardForm();
        form.policyId = text(request.policyId());
        form.restorePointId = text(request.restorePointId());
        form.asOf = text(request.asOf());
        for (RestoreRequest.ObjectScope scope : request.objects() == null ? List.<RestoreRequest.ObjectScope>of() : request.objects()) {
            Map<String, String> fieldMapping = request.target() == null || request.target().fieldMapping() == null
                    ? Map.of() : request.target().fieldMapping().getOrDefault(scope.object(), Map.of());
            form.addRow(scope.object(), join(scope.ids(), ", "), pairs(scope.where()), join(scope.fields(), ", "), pairs(fieldMapping));
        }
        form.mode = request.mode() == null ? MODES.getFirst() : request.mode();
        form.parents = request.hierarchy() == null ? "1" : text(request.hierarchy().parents());
        form.children = request.hierarchy() == null ? "0" : text(request.hierarchy().children());
        if (request.target() != null) {
            form.targetConnectionId = text(request.target().connectionId());
            form.defaultOwnerId = request.target().defaultOwnerId() == null ? "" : request.target().defaultOwnerId();
        }
        return form;
    }

    /** The rows filled in, then {@value #BLANK_ROWS} blank ones to add objects. */
    public List<ObjectRow> rows() {
        List<ObjectRow> rows = new ArrayList<>();
        for (int i = 0; i < object.size(); i++) {
            if (!blank(object.get(i))) {
                rows.add(new ObjectRow(rows.size(), object.get(i).strip(), at(ids, i), at(where, i), at(fields, i), at(mapping, i)));
            }
        }
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new ObjectRow(rows.size(), "", "", "", "", ""));
        }
        return rows;
    }

    /**
     * Errors the console finds before asking session-service: values not of the right type or shape. Rules of the
     * restore itself (ids of 15 or 18 characters, levels up to a maximum, …) are session-service's to say.
     */
    public Map<String, String> typeErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!isUuid(policyId)) {
            errors.put("policyId", "choose a policy from the list");
        }
        if (blank(restorePointId) == blank(asOf)) {
            errors.put("restorePointId", "choose a restore point, or give a time instead (not both)");
        } else if (!blank(restorePointId) && !isUuid(restorePointId)) {
            errors.put("restorePointId", "choose a restore point from the list");
        } else if (!blank(asOf) && instant(asOf) == null) {
            errors.put("asOf", "an ISO-8601 time such as 2026-01-01T00:00:00Z");
        }
        List<ObjectRow> filled = rows().stream().filter(r -> !r.object().isEmpty()).toList();
        if (filled.isEmpty()) {
            errors.put("objects", "name at least one object to restore");
        }
        for (ObjectRow row : filled) {
            pairsError(row.where(), "objects[" + row.index() + "].where", "Field=value pairs separated by ; such as Industry=Banking", errors);
            pairsError(row.mapping(), "target.fieldMapping." + row.object(), "BackupField=TargetField pairs separated by ; such as Region__c=Area__c", errors);
            if (!blank(row.ids()) && !blank(row.where())) {
                errors.put("objects[" + row.index() + "].ids", "give record ids or a filter, not both");
            }
        }
        level("hierarchy.parents", parents, errors);
        level("hierarchy.children", children, errors);
        if (!blank(mode) && !MODES.contains(mode)) {
            errors.put("mode", "one of " + String.join(", ", MODES));
        }
        if (!blank(targetConnectionId) && !isUuid(targetConnectionId)) {
            errors.put("target.connectionId", "choose an org connection from the list");
        }
        return errors;
    }

    /** session-service's request; call after {@link #typeErrors()} found nothing. */
    public RestoreRequest toRequest(boolean dryRun) {
        List<RestoreRequest.ObjectScope> scopes = new ArrayList<>();
        Map<String, Map<String, String>> fieldMapping = new LinkedHashMap<>();
        for (ObjectRow row : rows()) {
            if (row.object().isEmpty()) {
                continue;
            }
            scopes.add(new RestoreRequest.ObjectScope(row.object(), listOrNull(row.ids()), pairsOrNull(row.where()), listOrNull(row.fields())));
            Map<String, String> mapped = pairsOrNull(row.mapping());
            if (mapped != null) {
                fieldMapping.put(row.object(), mapped);
            }
        }
        RestoreRequest.Target target = blank(targetConnectionId) && fieldMapping.isEmpty() && blank(defaultOwnerId) ? null
                : new RestoreRequest.Target(blank(targetConnectionId) ? null : UUID.fromString(targetConnectionId.strip()),
                        fieldMapping.isEmpty() ? null : fieldMapping, blank(defaultOwnerId) ? null : defaultOwnerId.strip());
        return new RestoreRequest(UUID.fromString(policyId.strip()),
                blank(restorePointId) ? null : UUID.fromString(restorePointId.strip()),
                blank(asOf) ? null : instant(asOf), target, scopes, blank(mode) ? MODES.getFirst() : mode,
                new RestoreRequest.Hierarchy(levelOr(parents, 1), levelOr(children, 0)), dryRun);
    }

    /**
     * Where a field error of session-service is shown: {@code objects[2].ids} beside row 2's ids, a field mapping beside
     * the row of its object; anything else under its own name.
     */
    static Map<String, String> placeErrors(Map<String, String> errors) {
        Map<String, String> placed = new LinkedHashMap<>();
        errors.forEach((field, message) -> placed.merge(field.startsWith("target.fieldMapping.") || field.equals("target.fieldMapping")
                ? mappingField(field, message) : field, message, (a, b) -> a + "; " + b));
        return placed;
    }

    private static String mappingField(String field, String message) {
        if (!field.equals("target.fieldMapping")) {
            return field;
        }
        // "Foo is not one of the objects restored [...]": the object is the message's first word
        int space = message.indexOf(' ');
        return space > 0 ? "target.fieldMapping." + message.substring(0, space) : field;
    }

    private void addRow(String objectName, String idList, String filter, String fieldList, String mapped) {
        object.add(objectName);
        ids.add(idList);
        where.add(filter);
        fields.add(fieldList);
        mapping.add(mapped);
    }

    private static void pairsError(String value, String field, String allowed, Map<String, String> errors) {
        if (!blank(value) && pairsOrNull(value) == null) {
            errors.put(field, allowed);
        }
    }

    /** "A=b; C = d" as an ordered map; null when blank or when a part has no '=' or an empty name. */
    static Map<String, String> pairsOrNull(String value) {
        if (blank(value)) {
            return null;
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : PAIRS.split(value.strip())) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0 || part.substring(0, equals).isBlank()) {
                return null;
            }
            pairs.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
        }
        return pairs.isEmpty() ? null : pairs;
    }

    private static List<String> listOrNull(String value) {
        if (blank(value)) {
            return null;
        }
        List<String> items = Arrays.stream(SPLIT.split(value.strip())).filter(s -> !s.isEmpty()).toList();
        return items.isEmpty() ? null : items;
    }

    private static void level(String field, String value, Map<String, String> errors) {
        if (!blank(value) && !value.strip().matches("\\d{1,2}")) {
            errors.put(field, "a number of levels from 0 to 99");
        }
    }

    private static int levelOr(String value, int fallback) {
        return blank(value) ? fallback : Integer.parseInt(value.strip());
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String pairs(Map<String, String> map) {
        return map == null ? "" : map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String join(List<String> values, String separator) {
        return values == null ? "" : String.join(separator, values);
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isUuid(String value) {
        if (blank(value)) {
            return false;
        }
        try {
            UUID.fromString(value.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
