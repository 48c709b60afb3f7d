package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The top-level keys a record of a point may have: its describe's field names and relationship names, plus
 * "attributes" (which Salesforce adds to every record and storage drops). Looked up by the key's bytes in the line, so
 * the ingest's scan makes no String of each key. {@link #ANY} when the point stored no describe with fields.
 */
final class DescribedFields {

    static final DescribedFields ANY = new DescribedFields(null, 0);

    private final byte[][] table; // open addressing over the UTF-8 names, at most half full
    private final int mask;

    private DescribedFields(byte[][] table, int mask) {
        this.table = table;
        this.mask = mask;
    }

    /** From a describe ({@code fields[].name}, {@code fields[].relationshipName}); ANY when it lists no fields. */
    static DescribedFields of(JsonNode describe) {
        if (describe == null || !describe.path("fields").isArray() || describe.path("fields").isEmpty()) {
            return ANY;
        }
        Set<String> names = new LinkedHashSet<>();
        names.add("attributes");
        for (JsonNode field : describe.path("fields")) {
            for (String property : new String[] {"name", "relationshipName"}) {
                String name = field.path(property).asText("");
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        int size = Integer.highestOneBit(names.size() * 2) * 2;
        byte[][] table = new byte[size][];
        for (String name : names) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            int slot = hash(bytes, 0, bytes.length) & (size - 1);
            while (table[slot] != null) {
                slot = (slot + 1) & (size - 1);
            }
            table[slot] = bytes;
        }
        return new DescribedFields(table, size - 1);
    }

    boolean acceptsAny() {
        return table == null;
    }

    /** Whether {@code in[from, to)}, a key's UTF-8 bytes, is a described name. */
    boolean contains(byte[] in, int from, int to) {
        if (table == null) {
            return true;
        }
        for (int slot = hash(in, from, to) & mask; ; slot = (slot + 1) & mask) {
            byte[] name = table[slot];
            if (name == null) {
                return false;
            }
            if (Arrays.equals(name, 0, name.length, in, from, to)) {
                return true;
            }
        }
    }

    boolean contains(String name) {
        if (table == null) {
            return true;
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return contains(bytes, 0, bytes.length);
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }
}
