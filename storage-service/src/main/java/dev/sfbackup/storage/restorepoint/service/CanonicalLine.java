package dev.sfbackup.storage.restorepoint.service;

import dev.sfbackup.common.time.UtcMillisText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises an NDJSON line that already is a record's canonical JSON, byte for byte, as the engine writes it: one
 * object, no whitespace, top-level keys in ASCII and strictly ascending, no null, nested or "attributes" values,
 * strings in ASCII or 2- and 3-byte UTF-8 with only the escapes the canonical writer uses ({@code \" \\ \n \r \t}),
 * integers of at most 18 digits and decimals without exponent or trailing zeros, date-times already in UTC
 * milliseconds, and a string Id. Storage then hashes and stores those bytes as they came instead of parsing and
 * rewriting them; any other line is a miss and is canonicalised by {@link CanonicalRecordReader}, which gives the same
 * bytes for every line this class accepts. The same scan checks each key against the point's describe and adds each key
 * it accepted with its value to the batch's field names.
 */
final class CanonicalLine {

    private static final int MAX_ID_LENGTH = 255;
    private static final int MAX_PLAIN_INTEGER_DIGITS = 18;
    private static final byte[] ATTRIBUTES = "attributes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "Id".getBytes(StandardCharsets.US_ASCII);
    private static final int ID_KEY = 1; // the value ExpectedKeys holds for the key Id (0 for the others)
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private final byte[] in;
    private final int end;
    private final DescribedFields described;
    private final FieldNames names;
    private final ExpectedKeys keys;
    private int p;
    private String id;
    private String undescribedKey;

    private CanonicalLine(byte[] in, int start, int end, DescribedFields described, FieldNames names, ExpectedKeys keys) {
        this.in = in;
        this.end = end;
        this.described = described;
        this.names = names;
        this.keys = keys;
        this.p = start;
    }

    /**
     * A scanned line: id is the record's Id when the line is canonical JSON of a record, else null; undescribedKey is
     * a top-level key of the line that the describe does not declare (the scan stops there), else null.
     */
    record Scan(String id, String undescribedKey) {
    }

    /**
     * keys: the keys of the batch's earlier lines, so that a key that follows the same key as in an earlier record is
     * recognised by one comparison of bytes (checking and adding each key took a quarter of the ingest's samples).
     */
    static Scan scan(byte[] in, int start, int end, DescribedFields described, FieldNames names, ExpectedKeys keys) {
        CanonicalLine line = new CanonicalLine(in, start, end, described, names, keys);
        boolean canonical = line.record() && line.p == end;
        return new Scan(canonical ? line.id : null, line.undescribedKey);
    }

    /** The record's Id when {@code in[start, end)} is canonical JSON of a record, else null. */
    static String idIfCanonical(byte[] in, int start, int end) {
        return scan(in, start, end, DescribedFields.ANY, new FieldNames(), new ExpectedKeys()).id();
    }

    private boolean record() {
        if (!take('{')) {
            return false;
        }
        int previousKey = ExpectedKeys.NONE;
        int previousKeyStart = -1;
        int previousKeyEnd = -1;
        do {
            int keyStart = p + 1;
            int key = p < end && in[p] == '"' ? keys.expected(previousKey, in, keyStart) : ExpectedKeys.NONE;
            int keyEnd;
            if (key != ExpectedKeys.NONE) {
                // came after the previous key in an earlier record of the batch, so it passed every check below
                keyEnd = keyStart + keys.length(key);
                p = keyEnd + 1;
            } else {
                if (!key()) {
                    return false;
                }
                keyEnd = p - 1;
                if (previousKeyStart >= 0 && compare(previousKeyStart, previousKeyEnd, keyStart, keyEnd) >= 0
                        || is(ATTRIBUTES, keyStart, keyEnd)) {
                    return false;
                }
                if (!described.contains(in, keyStart, keyEnd)) {
                    undescribedKey = new String(in, keyStart, keyEnd - keyStart, StandardCharsets.US_ASCII);
                    return false;
                }
            }
            boolean isId = key != ExpectedKeys.NONE ? keys.value(key) == ID_KEY : is(ID, keyStart, keyEnd);
            if (!take(':') || !value(isId)) {
                return false;
            }
            if (key == ExpectedKeys.NONE) {
                names.add(in, keyStart, keyEnd);
                key = keys.find(in, keyStart, keyEnd);
                if (key == ExpectedKeys.NONE) {
                    key = keys.add(in, keyStart, keyEnd, isId ? ID_KEY : 0);
                }
            }
            keys.follows(previousKey, key);
            previousKey = key;
            previousKeyStart = keyStart;
            previousKeyEnd = keyEnd;
        } while (take(','));
        return take('}') && id != null;
    }

    private boolean key() {
        if (!take('"')) {
            return false;
        }
        while (p < end) {
            byte b = in[p++];
            if (b == '"') {
                return true;
            }
            if (b < 0x20 || b == '\\' || b == 0x7F) {
                return false;
            }
        }
        return false;
    }

    private boolean value(boolean isId) {
        if (p >= end) {
            return false;
        }
        return switch (in[p]) {
            case '"' -> string(isId);
            case 't' -> !isId && literal(TRUE);
            case 'f' -> !isId && literal(FALSE);
            default -> !isId && number();
        };
    }

    private boolean string(boolean isId) {
        int start = ++p;
        boolean plain = true; // ASCII without escapes
        while ((p = plainAsciiRun(p)) < end) {
            byte b = in[p];
            if (b == '"') {
                return endOfString(start, plain, isId);
            }
            if (b == '\\' && p + 1 < end && isWriterEscape(in[p + 1])) {
                p += 2;
            } else if (b >= 0 || !utf8Sequence()) {
                return false;
            }
            plain = false;
        }
        return false;
    }

    private boolean endOfString(int start, boolean plain, boolean isId) {
        int length = p - start;
        p++;
        // only plain ASCII can spell a date-time; one not yet in UTC milliseconds is rewritten by the canonical writer
        if (plain && length >= 20 && length <= 35 && in[start + 10] == 'T' && in[start + 4] == '-') {
            String text = new String(in, start, length, StandardCharsets.US_ASCII);
            if (!UtcMillisText.normalize(text).equals(text)) {
                return false;
            }
        }
        if (isId) {
            if (!plain || length == 0 || length > MAX_ID_LENGTH) {
                return false;
            }
            id = new String(in, start, length, StandardCharsets.US_ASCII);
            return !id.isBlank();
        }
        return true;
    }

    /** The first position from {@code from} on that holds a quote, a backslash, a control or a non-ASCII byte. */
    private int plainAsciiRun(int from) {
        byte[] bytes = in;
        int limit = end;
        int i = from;
        while (i < limit) {
            byte b = bytes[i];
            if (b < 0x20 || b == '"' || b == '\\' || b == 0x7F) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static boolean isWriterEscape(byte b) {
        return b == '"' || b == '\\' || b == 'n' || b == 'r' || b == 't';
    }

    /** A shortest-form 2- or 3-byte UTF-8 sequence outside the surrogates (the writer spells those chars alike). */
    private boolean utf8Sequence() {
        int lead = in[p] & 0xFF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            return continuation(p + 1, 0x80, 0xBF) && advance(2);
        }
        int low = lead == 0xE0 ? 0xA0 : 0x80;
        int high = lead == 0xED ? 0x9F : 0xBF;
        return lead >= 0xE0 && lead <= 0xEF && continuation(p + 1, low, high) && continuation(p + 2, 0x80, 0xBF)
                && advance(3);
    }

    private boolean continuation(int at, int low, int high) {
        return at < end && (in[at] & 0xFF) >= low && (in[at] & 0xFF) <= high;
    }

    private boolean advance(int bytes) {
        p += bytes;
        return true;
    }

    /** -?(0|[1-9][0-9]{0,17}) or -?(0|[1-9][0-9]*).[0-9]*[1-9], and not -0: what the writer prints for its value. */
    private boolean number() {
        boolean negative = take('-');
        int digitsStart = p;
        if (take('0')) {
            if (p >= end || in[p] != '.') {
                return !negative && (p >= end || !isDigit(in[p]));
            }
        } else {
            while (p < end && isDigit(in[p])) {
                p++;
            }
            if (p == digitsStart) {
                return false;
            }
        }
        if (!take('.')) {
            return p - digitsStart <= MAX_PLAIN_INTEGER_DIGITS;
        }
        int fractionStart = p;
        while (p < end && isDigit(in[p])) {
            p++;
        }
        return p > fractionStart && in[p - 1] != '0';
    }

    private boolean literal(byte[] word) {
        if (end - p < word.length || !is(word, p, p + word.length)) {
            return false;
        }
        p += word.length;
        return true;
    }

    private boolean take(char c) {
        if (p < end && in[p] == c) {
            p++;
            return true;
        }
        return false;
    }

    private boolean is(byte[] word, int from, int to) {
        return Arrays.equals(in, from, to, word, 0, word.length);
    }

    private int compare(int aFrom, int aTo, int bFrom, int bTo) {
        return Arrays.compareUnsigned(in, aFrom, aTo, in, bFrom, bTo);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
