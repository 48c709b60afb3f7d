package dev.sfbackup.storage.restorepoint.service;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The keys records have had, each with the key that followed it in the last record that had it: the records of one
 * object mostly hold the same keys in the same order, so a key is first compared with the one expected after the
 * previous key (one comparison of bytes) and only looked up by hash when it is not that one. Each key carries a value
 * the caller gave when the key first came (RecordCsvWriter: its column).
 */
final class ExpectedKeys {

    static final int NONE = -1;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final FieldNames seen = new FieldNames();
    private byte[][] quoted = new byte[32][]; // each key raw, and its closing quote
    private long[] heads = new long[32]; // of a key shorter than a word: its bytes as a little-endian word
    private int[] values = new int[32];
    private int[] next = filled(32);
    private int first = NONE;

    /**
     * The key expected after the key previous (NONE: the record's first key) when it is the one that starts at
     * {@code json[from]}, raw as stored (escapes included) and followed by its closing quote; else NONE.
     */
    int expected(int previous, byte[] json, int from) {
        int key = previous == NONE ? first : next[previous];
        // the same raw bytes from the same opening quote end in the same state, so the quote after them closes the key
        return key != NONE && startsWith(json, from, quoted[key], heads[key]) ? key : NONE;
    }

    /**
     * Whether {@code json[from, ...)} starts with the bytes expected, compared eight at a time (a loop over the bytes,
     * or Arrays.equals with its range checks and call, was a seventh of a CSV read's samples on keys of a few bytes).
     */
    private static boolean startsWith(byte[] json, int from, byte[] expected, long head) {
        int length = expected.length;
        if (from + Long.BYTES > json.length || from + length > json.length) {
            return Arrays.equals(json, from, Math.min(json.length, from + length), expected, 0, length);
        }
        if (length < Long.BYTES) {
            return ((word(json, from) ^ head) & (-1L >>> (Long.SIZE - Byte.SIZE * length))) == 0;
        }
        int last = length - Long.BYTES; // the last word overlaps the one before it
        for (int i = 0; i < last; i += Long.BYTES) {
            if (word(json, from + i) != word(expected, i)) {
                return false;
            }
        }
        return word(json, from + last) == word(expected, last);
    }

    /** The eight bytes at {@code bytes[at]} as a little-endian word (the first byte is the lowest). */
    private static long word(byte[] bytes, int at) {
        return (long) WORDS.get(bytes, at);
    }

    /** The key {@code json[from, to)} (raw), or NONE when it never came. */
    int find(byte[] json, int from, int to) {
        return seen.indexOf(json, from, to);
    }

    /** A key that never came, with its value. */
    int add(byte[] json, int from, int to, int value) {
        int key = seen.size();
        seen.add(json, from, to);
        if (key == quoted.length) {
            quoted = Arrays.copyOf(quoted, key * 2);
            heads = Arrays.copyOf(heads, key * 2);
            values = Arrays.copyOf(values, key * 2);
            next = Arrays.copyOf(next, key * 2);
            Arrays.fill(next, key, key * 2, NONE);
        }
        byte[] bytes = Arrays.copyOf(Arrays.copyOfRange(json, from, to), to - from + 1);
        bytes[to - from] = '"';
        quoted[key] = bytes;
        for (int i = Math.min(bytes.length, Long.BYTES) - 1; i >= 0; i--) {
            heads[key] = heads[key] << Byte.SIZE | (bytes[i] & 0xFF);
        }
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

    /** The key's length in bytes, raw. */
    int length(int key) {
        return quoted[key].length - 1;
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
