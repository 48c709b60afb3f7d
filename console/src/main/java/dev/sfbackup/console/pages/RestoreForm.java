package dev.sfbackup.console.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Restoring one record from its history page, as session-service's POST /api/v1/restores takes it (issue 15): the
 * record at a restore point, a mode, how many levels of parents and children come along, and a dry run first.
 */
public class RestoreForm {

    public static final List<String> MODES = List.of("UPDATE_AND_RECREATE", "UPDATE", "RECREATE");

    @RestForm
    public String policyId;
    @RestForm
    public String restorePointId;
    @RestForm
    public String object;
    @RestForm
    public String recordId;
    @RestForm
    public String mode;
    @RestForm
    public String parents;
    @RestForm
    public String children;
    @RestForm
    public boolean dryRun;
    @RestForm("_csrf")
    public String csrf;

    /** The request body; numbers that are not numbers are refused here, naming the field. */
    public Map<String, Object> toRequest() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("object", this.object);
        object.put("ids", List.of(recordId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policyId", UUID.fromString(policyId));
        body.put("restorePointId", UUID.fromString(restorePointId));
        body.put("objects", List.of(object));
        body.put("mode", mode != null && MODES.contains(mode) ? mode : MODES.getFirst());
        body.put("hierarchy", Map.of("parents", level("parents", parents, 1), "children", level("children", children, 0)));
        body.put("dryRun", dryRun);
        return body;
    }

    private static int level(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.strip().matches("\\d{1,2}")) {
            throw new IllegalArgumentException(field + ": must be a number of levels from 0 to 99");
        }
        return Integer.parseInt(value.strip());
    }
}
