package dev.sfbackup.salesforce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One CSV record as the UTF-8 bytes of its fields, unquoted, in one buffer: a reader of millions of rows takes the
 * bytes of the fields it copies as they are and decodes only the ones it parses. The reader fills the same instance
 * again for its next record, so a row is valid until then.
 */
public final class CsvRow {

    private byte[] bytes = new byte[1024];
    private int length;
    private int[] ends = new int[32];
    private int size;

    CsvRow() {
    }

    /** A row of the given values, as a reader would have read it (for tests and callers holding strings). */
    public static CsvRow of(List<String> values) {
        CsvRow row = new CsvRow();
        for (String value : values) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            row.append(utf8, 0, utf8.length);
            row.endField();
        }
        return row;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty(int field) {
        return start(field) == ends[field];
    }

    /** The field decoded from UTF-8 (malformed bytes become U+FFFD). */
    public String text(int field) {
        return new String(bytes, start(field), ends[field] - start(field), StandardCharsets.UTF_8);
    }

    /** A copy of the field's bytes as the CSV held them (not checked to be well-formed UTF-8). */
    public byte[] utf8(int field) {
        return Arrays.copyOfRange(bytes, start(field), ends[field]);
    }

    /** Every field decoded, in order. */
    public List<String> texts() {
        List<String> texts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            texts.add(text(i));
        }
        return texts;
    }

    void clear() {
        length = 0;
        size = 0;
    }

    /** Bytes of the current (last, unfinished) field so far. */
    int currentFieldLength() {
        return length - (size == 0 ? 0 : ends[size - 1]);
    }

    void append(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = b;
    }

    void append(byte[] from, int offset, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(from, offset, bytes, length, count);
        length += count;
    }

    void endField() {
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
        }
        ends[size++] = length;
    }

    private int start(int field) {
        if (field < 0 || field >= size) {
            throw new IndexOutOfBoundsException("field " + field + " of a row of " + size);
        }
        return field == 0 ? 0 : ends[field - 1];
    }
}
