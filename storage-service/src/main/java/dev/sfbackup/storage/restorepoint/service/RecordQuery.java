package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.common.problem.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A read's field projection (fields=Id,Name) and value filter (q=Field:value). Id is always kept. */
public record RecordQuery(List<String> fields, String filterField, String filterValue) {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,120}");

    public static RecordQuery parse(String fields, String q) {
        List<String> projection = List.of();
        if (fields != null && !fields.isBlank()) {
            Set<String> names = new LinkedHashSet<>();
            names.add("Id");
            for (String name : fields.split(",")) {
                String trimmed = name.trim();
                if (!FIELD.matcher(trimmed).matches()) {
                    throw ApiProblem.badRequest("fields", "comma-separated field API names such as Id,Name; '" + trimmed + "' is not one");
                }
                names.add(trimmed);
            }
            projection = new ArrayList<>(names);
        }
        String filterField = null;
        String filterValue = null;
        if (q != null && !q.isEmpty()) {
            int colon = q.indexOf(':');
            if (colon < 1 || !FIELD.matcher(q.substring(0, colon)).matches()) {
                throw ApiProblem.badRequest("q", "expected field:value such as Industry:Banking, got '" + q + "'");
            }
            filterField = q.substring(0, colon);
            filterValue = q.substring(colon + 1);
        }
        return new RecordQuery(projection, filterField, filterValue);
    }

    public boolean isPlain() {
        return fields.isEmpty() && filterField == null;
    }

    public boolean matches(JsonNode record) {
        if (filterField == null) {
            return true;
        }
        JsonNode value = record.get(filterField);
        String text = value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
        return text.equals(filterValue);
    }

    public JsonNode project(ObjectNode record) {
        if (fields.isEmpty()) {
            return record;
        }
        ObjectNode projected = record.objectNode();
        for (String field : fields) {
            JsonNode value = record.get(field);
            if (value != null) {
                projected.set(field, value);
            }
        }
        return projected;
    }
}
