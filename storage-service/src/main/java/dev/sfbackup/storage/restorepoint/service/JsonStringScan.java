package dev.sfbackup.storage.restorepoint.service;

import java.nio.charset.StandardCharsets;

/**
 * Where the strings of one record end, and whether each holds a comma or an escape: String.indexOf over a Latin-1 view
 * of the record's UTF-8 bytes (one char per byte, so positions are the same), which the JIT compiles to a vector search
 * of 16 or 32 bytes a step. On IngestBench's records RecordCsvBench gave 1750 ns per record with a loop over the bytes,
 * 880 with a scan of 8-byte words (SWAR), 780 with this. The strings of a record are most of its bytes, and a CSV read
 * scans every one (see RecordCsvWriter).
 */
final class JsonStringScan {

    private String text = "";
    private int backslash; // the first backslash at or after the last string asked about; -1: not looked for yet

    /** Starts on a record; its strings are then asked about in the order they come. */
    void record(byte[] json) {
        text = new String(json, StandardCharsets.ISO_8859_1);
        backslash = -1;
    }

    /**
     * The string whose first byte (after its opening quote) is at from: -1 when a backslash comes before its closing
     * quote (the string has escapes), else the closing quote's position times two, plus one when the string holds a
     * comma (see {@link #closingQuote} and {@link #hasComma}).
     */
    int string(int from) {
        int quote = text.indexOf('"', from);
        if (quote < 0) {
            throw new IllegalStateException("a stored record ends inside a string");
        }
        if (backslash < from) {
            backslash = text.indexOf('\\', from);
            if (backslash < 0) {
                backslash = Integer.MAX_VALUE;
            }
        }
        if (backslash < quote) {
            return -1;
        }
        int comma = text.indexOf(',', from);
        return quote << 1 | (comma >= 0 && comma < quote ? 1 : 0);
    }

    /** The closing quote's position of a string {@link #string} found without escapes. */
    static int closingQuote(int scanned) {
        return scanned >>> 1;
    }

    /** Whether a string {@link #string} found without escapes holds a comma. */
    static boolean hasComma(int scanned) {
        return (scanned & 1) != 0;
    }
}
