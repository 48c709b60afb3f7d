package dev.sfbackup.storage.export.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CSV columns of an object as Data Loader imports them: Id, then the describe's fields in describe order, without
 * the kinds a CSV cannot carry back (base64 bodies, compound address and location fields, whose parts are fields of
 * their own). Empty when the point stored no describe: the caller then takes every field the records have.
 */
final class ExportColumns {

    private static final Set<String> NOT_IMPORTABLE = Set.of("base64", "address", "location");

    private ExportColumns() {
    }

    static List<String> of(JsonNode describe) {
        if (describe == null || !describe.path("fields").isArray() || describe.path("fields").isEmpty()) {
            return List.of();
        }
        Set<String> columns = new LinkedHashSet<>();
        columns.add("Id");
        for (JsonNode field : describe.path("fields")) {
            String name = field.path("name").asText("");
            if (!name.isEmpty() && !NOT_IMPORTABLE.contains(field.path("type").asText(""))) {
                columns.add(name);
            }
        }
        return new ArrayList<>(columns);
    }
}
