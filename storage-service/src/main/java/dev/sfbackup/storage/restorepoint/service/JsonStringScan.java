package dev.sfbackup.storage.restorepoint.service;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans of a JSON string's UTF-8 bytes eight at a time (one long, SWAR): a byte is found by XOR-ing the word with the
 * byte in every lane and testing the lanes for zero, where a loop over the bytes branched on each. The strings of a
 * record are most of its bytes, and a CSV read scans every one (see RecordCsvWriter).
 */
final class JsonStringScan {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long COMMAS = ONES * ',';

    private JsonStringScan() {
    }

    /**
     * Scans the string whose first byte (after its opening quote) is at from, up to its closing quote: -1 when a
     * backslash comes first (the string has escapes), else the closing quote's position times two, plus one when the
     * string holds a comma (see {@link #closingQuote} and {@link #hasComma}). One pass: each word is read once.
     */
    static int scan(byte[] json, int from) {
        int i = from;
        long commas = 0;
        for (; i + Long.BYTES <= json.length; i += Long.BYTES) {
            long word = word(json, i);
            long stops = zeroLanes(word ^ QUOTES) | zeroLanes(word ^ BACKSLASHES);
            long wordCommas = zeroLanes(word ^ COMMAS);
            if (stops != 0) {
                int lane = Long.numberOfTrailingZeros(stops) >>> 3;
                int at = i + lane;
                // the lanes below the stop: a comma's lane there is exact (a false one needs a true one below it)
                commas |= wordCommas & ((1L << (lane << 3)) - 1);
                return json[at] != '"' ? -1 : at << 1 | (commas != 0 ? 1 : 0);
            }
            commas |= wordCommas;
        }
        for (; i < json.length; i++) {
            if (json[i] == '"') {
                return i << 1 | (commas != 0 ? 1 : 0);
            }
            if (json[i] == '\\') {
                return -1;
            }
            if (json[i] == ',') {
                commas = 1;
            }
        }
        throw new IllegalStateException("a stored record ends inside a string");
    }

    /** The closing quote's position of a string {@link #scan} found without escapes. */
    static int closingQuote(int scanned) {
        return scanned >>> 1;
    }

    /** Whether a string {@link #scan} found without escapes holds a comma. */
    static boolean hasComma(int scanned) {
        return (scanned & 1) != 0;
    }

    /** The eight bytes at {@code bytes[at]} as a little-endian word (the first byte is the lowest). */
    static long word(byte[] bytes, int at) {
        return (long) WORDS.get(bytes, at);
    }

    /**
     * The high bit of each byte lane that is zero, and possibly of lanes above the lowest zero one (a borrow carries
     * into them): whether any is zero, and which is the lowest, are exact.
     */
    private static long zeroLanes(long word) {
        return (word - ONES) & ~word & HIGHS;
    }
}
