package dev.sfbackup.storage.export.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.storage.export.service.MetadataDiffView.FieldChange;
import dev.sfbackup.storage.export.service.MetadataDiffView.ObjectChange;
import dev.sfbackup.storage.export.service.MetadataDiffView.ValueChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares two describes of one object as JSON, whatever the connector kept of them: top-level attributes (flags such
 * as createable), fields by name, and a field's picklistValues by value.
 */
final class DescribeComparison {

    private static final String FIELDS = "fields";
    private static final String PICKLIST = "picklistValues";

    private DescribeComparison() {
    }

    /** Null when nothing changed. before/after: null when the object had no describe then. */
    static ObjectChange compare(String object, JsonNode before, JsonNode after) {
        if (before == null && after == null) {
            return null;
        }
        String change = before == null ? "ADDED" : after == null ? "REMOVED" : "CHANGED";
        Map<String, ValueChange> attributes = attributes(before, after, FIELDS);
        Map<String, JsonNode> oldFields = byKey(before == null ? null : before.get(FIELDS), "name");
        Map<String, JsonNode> newFields = byKey(after == null ? null : after.get(FIELDS), "name");
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<FieldChange> changed = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(oldFields.keySet());
        names.addAll(newFields.keySet());
        for (String name : names) {
            JsonNode old = oldFields.get(name);
            JsonNode current = newFields.get(name);
            if (old == null) {
                added.add(name);
            } else if (current == null) {
                removed.add(name);
            } else if (!old.equals(current)) {
                changed.add(field(name, old, current));
            }
        }
        if ("CHANGED".equals(change) && attributes.isEmpty() && added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
            return null;
        }
        return new ObjectChange(object, change, attributes, added, removed, changed);
    }

    private static FieldChange field(String name, JsonNode old, JsonNode current) {
        Map<String, JsonNode> oldValues = byKey(old.get(PICKLIST), "value");
        Map<String, JsonNode> newValues = byKey(current.get(PICKLIST), "value");
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        TreeSet<String> values = new TreeSet<>(oldValues.keySet());
        values.addAll(newValues.keySet());
        for (String value : values) {
            if (!oldValues.containsKey(value)) {
                added.add(value);
            } else if (!newValues.containsKey(value)) {
                removed.add(value);
            } else if (!oldValues.get(value).equals(newValues.get(value))) {
                changed.add(value);
            }
        }
        return new FieldChange(name, attributes(old, current, PICKLIST), added, removed, changed);
    }

    /** The keys whose values differ, except the one compared element by element. */
    private static Map<String, ValueChange> attributes(JsonNode before, JsonNode after, String except) {
        TreeSet<String> keys = new TreeSet<>();
        if (before != null) {
            before.fieldNames().forEachRemaining(keys::add);
        }
        if (after != null) {
            after.fieldNames().forEachRemaining(keys::add);
        }
        keys.remove(except);
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        for (String key : keys) {
            JsonNode old = before == null ? null : before.get(key);
            JsonNode current = after == null ? null : after.get(key);
            if (!Objects.equals(old, current)) {
                changes.put(key, new ValueChange(old, current));
            }
        }
        return changes;
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                JsonNode name = element.get(key);
                if (name != null && name.isTextual()) {
                    elements.put(name.asText(), element);
                }
            }
        }
        return elements;
    }
}
