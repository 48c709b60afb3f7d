package dev.sfbackup.storage.restorepoint.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct top-level field names of a batch's records, as stored (keys with a value): recorded once per batch for
 * the CSV header (see RecordFieldRepository). Added by the key's UTF-8 bytes, so a name already seen costs a lookup and
 * no String.
 */
final class BatchFieldNames {

    private byte[][] table = new byte[64][]; // open addressing, at most half full
    private final List<String> names = new ArrayList<>();

    void add(byte[] in, int from, int to) {
        int mask = table.length - 1;
        int slot = hash(in, from, to) & mask;
        for (byte[] name = table[slot]; name != null; name = table[slot]) {
            if (Arrays.equals(name, 0, name.length, in, from, to)) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        byte[] name = Arrays.copyOfRange(in, from, to);
        table[slot] = name;
        names.add(new String(name, StandardCharsets.UTF_8));
        if (names.size() * 2 > table.length) {
            grow();
        }
    }

    void add(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        add(bytes, 0, bytes.length);
    }

    /** The names in the order they were first added. */
    List<String> names() {
        return List.copyOf(names);
    }

    private void grow() {
        byte[][] old = table;
        table = new byte[old.length * 2][];
        int mask = table.length - 1;
        for (byte[] name : old) {
            if (name != null) {
                int slot = hash(name, 0, name.length) & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = name;
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
