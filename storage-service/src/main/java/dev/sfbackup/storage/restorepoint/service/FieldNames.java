package dev.sfbackup.storage.restorepoint.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Distinct field names in the order they were first added, looked up by their UTF-8 bytes so that a key read from a
 * record's JSON costs a lookup and no String: the names of a batch's records (recorded once per batch for the CSV
 * header, see RecordFieldRepository) and the columns of a CSV read (see RecordCsvWriter).
 */
final class FieldNames {

    private byte[][] table = new byte[64][]; // open addressing, at most half full
    private int[] positions = new int[64];
    private final List<String> names = new ArrayList<>();

    void add(byte[] in, int from, int to) {
        int slot = slot(in, from, to);
        if (table[slot] != null) {
            return;
        }
        table[slot] = Arrays.copyOfRange(in, from, to);
        positions[slot] = names.size();
        names.add(new String(in, from, to - from, StandardCharsets.UTF_8));
        if (names.size() * 2 > table.length) {
            grow();
        }
    }

    void add(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        add(bytes, 0, bytes.length);
    }

    /** The position of the name {@code in[from, to)} among the names (in the order first added), or -1. */
    int indexOf(byte[] in, int from, int to) {
        int slot = slot(in, from, to);
        return table[slot] == null ? -1 : positions[slot];
    }

    int size() {
        return names.size();
    }

    /** The names in the order they were first added. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** The slot that holds the name, or the empty one where it would go. */
    private int slot(byte[] in, int from, int to) {
        int mask = table.length - 1;
        int slot = hash(in, from, to) & mask;
        for (byte[] name = table[slot]; name != null; name = table[slot]) {
            if (Arrays.equals(name, 0, name.length, in, from, to)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        byte[][] oldTable = table;
        int[] oldPositions = positions;
        table = new byte[oldTable.length * 2][];
        positions = new int[oldTable.length * 2];
        for (int i = 0; i < oldTable.length; i++) {
            if (oldTable[i] != null) {
                int slot = slot(oldTable[i], 0, oldTable[i].length);
                table[slot] = oldTable[i];
                positions[slot] = oldPositions[i];
            }
        }
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }
}
