package dev.sfbackup.storage.restorepoint.service;

import java.util.Arrays;

/**
 * The keys records have had, each with the key that followed it in the last record that had it: the records of one
 * object mostly hold the same keys in the same order, so a key is first compared with the one expected after the
 * previous key (one comparison of bytes) and only looked up by hash when it is not that one. Each key carries a value
 * the caller gave when the key first came (RecordCsvWriter: its column).
 */
final class ExpectedKeys {

    static final int NONE = -1;

    private final FieldNames seen = new FieldNames();
    private byte[][] keys = new byte[32][];
    private int[] values = new int[32];
    private int[] next = filled(32);
    private int first = NONE;

    /**
     * The key expected after the key previous (NONE: the record's first key) when it is the one that starts at
     * {@code json[from]}, raw as stored (escapes included) and followed by its closing quote; else NONE.
     */
    int expected(int previous, byte[] json, int from) {
        int key = previous == NONE ? first : next[previous];
        if (key == NONE) {
            return NONE;
        }
        byte[] raw = keys[key];
        int end = from + raw.length;
        // the same raw bytes from the same opening quote end in the same state, so the quote after them closes the key
        return end < json.length && json[end] == '"' && Arrays.equals(json, from, end, raw, 0, raw.length) ? key : NONE;
    }

    /** The key {@code json[from, to)} (raw), or NONE when it never came. */
    int find(byte[] json, int from, int to) {
        return seen.indexOf(json, from, to);
    }

    /** A key that never came, with its value. */
    int add(byte[] json, int from, int to, int value) {
        int key = seen.size();
        seen.add(json, from, to);
        if (key == keys.length) {
            keys = Arrays.copyOf(keys, key * 2);
            values = Arrays.copyOf(values, key * 2);
            next = Arrays.copyOf(next, key * 2);
            Arrays.fill(next, key, key * 2, NONE);
        }
        keys[key] = Arrays.copyOfRange(json, from, to);
        values[key] = value;
        return key;
    }

    /** Remembers that key came after previous (NONE: first in its record). */
    void follows(int previous, int key) {
        if (previous == NONE) {
            first = key;
        } else {
            next[previous] = key;
        }
    }

    int length(int key) {
        return keys[key].length;
    }

    int value(int key) {
        return values[key];
    }

    private static int[] filled(int size) {
        int[] none = new int[size];
        Arrays.fill(none, NONE);
        return none;
    }
}
