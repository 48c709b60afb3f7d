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
     * The position of the quote that closes the string whose first byte (after its opening quote) is at from, or -1
     * when a backslash comes before it (the string has escapes).
     */
    static int closingQuote(byte[] json, int from) {
        int i = from;
        for (; i + Long.BYTES <= json.length; i += Long.BYTES) {
            long word = (long) WORDS.get(json, i);
            long stops = zeroLanes(word ^ QUOTES) | zeroLanes(word ^ BACKSLASHES);
            if (stops != 0) {
                int at = i + (Long.numberOfTrailingZeros(stops) >>> 3);
                return json[at] == '"' ? at : -1;
            }
        }
        for (; i < json.length; i++) {
            if (json[i] == '"') {
                return i;
            }
            if (json[i] == '\\') {
                return -1;
            }
        }
        throw new IllegalStateException("a stored record ends inside a string");
    }

    /** Whether {@code json[from, to)} holds a comma. */
    static boolean hasComma(byte[] json, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            if (zeroLanes((long) WORDS.get(json, i) ^ COMMAS) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (json[i] == ',') {
                return true;
            }
        }
        return false;
    }

    /**
     * The high bit of each byte lane that is zero, and possibly of lanes above the lowest zero one (a borrow carries
     * into them): whether any is zero, and which is the lowest, are exact.
     */
    private static long zeroLanes(long word) {
        return (word - ONES) & ~word & HIGHS;
    }
}
