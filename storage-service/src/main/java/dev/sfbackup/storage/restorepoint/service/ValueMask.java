package dev.sfbackup.storage.restorepoint.service;

/**
 * A record with its values masked and its shape kept: the samples a stream's compression dictionary is trained from.
 * Keys stay as they are; inside values every capital becomes {@code A}, every other letter, non-ASCII byte and escape
 * {@code a} and every digit {@code 0}, while punctuation, {@code true}, {@code false} and {@code null} stay. A
 * dictionary trained on these holds field names and value shapes but no value, so erasing a record never has to chase
 * its values into one.
 * The input is a record's canonical JSON (no whitespace); the output need not be JSON.
 */
final class ValueMask {

    private ValueMask() {
    }

    static byte[] mask(byte[] json) {
        byte[] out = json.clone();
        boolean[] inObject = new boolean[64];
        int depth = 0;
        boolean expectKey = false;
        int i = 0;
        while (i < out.length) {
            byte b = out[i];
            if (b == '"') {
                i = string(out, i + 1, !expectKey);
                continue;
            }
            switch (b) {
                case '{' -> {
                    depth = push(inObject, depth, true);
                    expectKey = true;
                }
                case '[' -> {
                    depth = push(inObject, depth, false);
                    expectKey = false;
                }
                case '}', ']' -> depth = Math.max(0, depth - 1);
                case ',' -> expectKey = depth > 0 && inObject[depth - 1];
                case ':' -> expectKey = false;
                default -> {
                    if (b >= '0' && b <= '9') {
                        out[i] = '0';
                    }
                }
            }
            i++;
        }
        return out;
    }

    private static int push(boolean[] inObject, int depth, boolean object) {
        if (depth < inObject.length) {
            inObject[depth] = object;
        }
        return depth + 1;
    }

    /** Masks (when a value) the string starting at from, just after its opening quote; returns the index after its closing quote. */
    private static int string(byte[] out, int from, boolean value) {
        int i = from;
        while (i < out.length && out[i] != '"') {
            if (out[i] == '\\' && i + 1 < out.length) {
                if (value) {
                    out[i] = 'a';
                    out[i + 1] = 'a';
                }
                i += 2;
                continue;
            }
            if (value) {
                out[i] = masked(out[i]);
            }
            i++;
        }
        return i + 1;
    }

    private static byte masked(byte b) {
        if (b >= '0' && b <= '9') {
            return '0';
        }
        if (b >= 'A' && b <= 'Z') {
            return 'A';
        }
        if (b < 0 || (b >= 'a' && b <= 'z')) {
            return 'a';
        }
        return b;
    }
}
