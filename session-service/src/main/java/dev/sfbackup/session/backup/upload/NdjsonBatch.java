package dev.sfbackup.session.backup.upload;

import dev.sfbackup.session.backup.read.NormalizedRecord;
import dev.sfbackup.session.client.NdjsonBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The records of one batch as NDJSON bytes (a few thousand records: bounded memory, one storage call), written in
 * storage's canonical spelling, which storage then takes as it comes: fields in the read's (sorted) order, empty
 * values left out, strings escaped as Jackson escapes them, decimals plain. Written by hand rather than with a JSON
 * generator, which spent a quarter of the engine's CPU re-encoding the same field names and characters. Each record
 * is written into a small buffer, then appended to chunks of at most 256 KB ({@link NdjsonBody} says why not one
 * array).
 */
public final class NdjsonBatch {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private static final int FIRST_CHUNK_BYTES = 1 << 14;
    private static final int MAX_CHUNK_BYTES = 1 << 18;

    /** The record being written. */
    private byte[] bytes = new byte[1 << 12];
    private int length;
    private final List<byte[]> chunks = new ArrayList<>();
    private int lastChunkUsed;
    private int written;
    private String[] encodedFor;
    private byte[][] fieldPrefixes;
    private int size;
    private String lastId;

    /** Writes the record's non-empty values (empty ones are left out: storage hashes a record without them). */
    public void add(NormalizedRecord record) {
        byte[][] prefixes = prefixesOf(record.fields());
        Object[] values = record.values();
        boolean first = true;
        put((byte) '{');
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            if (!first) {
                put((byte) ',');
            }
            first = false;
            put(prefixes[i]);
            if (value instanceof byte[] utf8) {
                putCsvText(utf8);
            } else if (value instanceof String text) {
                putString(text);
            } else if (value instanceof Boolean flag) {
                put(flag ? TRUE : FALSE);
            } else if (value instanceof BigDecimal number) {
                putAscii(number.toPlainString());
            } else if (value instanceof Long number) {
                putAscii(number.toString());
            } else {
                putString(value.toString());
            }
        }
        put((byte) '}');
        put((byte) '\n');
        appendToChunks();
        size++;
        lastId = record.id();
    }

    /** Moves the record just written into the chunks; a chunk twice the last one's size (at most 256 KB) when full. */
    private void appendToChunks() {
        int from = 0;
        while (from < length) {
            if (chunks.isEmpty() || lastChunkUsed == chunks.getLast().length) {
                int chunkBytes = chunks.isEmpty() ? FIRST_CHUNK_BYTES
                        : Math.min(2 * chunks.getLast().length, MAX_CHUNK_BYTES);
                chunks.add(new byte[chunkBytes]);
                lastChunkUsed = 0;
            }
            int copied = Math.min(length - from, chunks.getLast().length - lastChunkUsed);
            System.arraycopy(bytes, from, chunks.getLast(), lastChunkUsed, copied);
            lastChunkUsed += copied;
            from += copied;
        }
        written += length;
        length = 0;
    }

    public int size() {
        return size;
    }

    /** True once the batch holds maxRecords records or maxBytes bytes (the record that crossed the line included). */
    public boolean isFull(int maxRecords, int maxBytes) {
        return size >= maxRecords || written >= maxBytes;
    }

    public String lastId() {
        return lastId;
    }

    /** The bytes written, for the upload: the batch's own chunks, not copies; nothing is added to the batch after. */
    public NdjsonBody body() {
        return new NdjsonBody(chunks, written);
    }

    /** A copy of the bytes written. */
    public byte[] toBytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream(written);
        try {
            body().writeTo(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy.toByteArray();
    }

    /** {@code "name":} for each field, encoded once per read: every record of a read shares its field array. */
    private byte[][] prefixesOf(String[] fields) {
        if (fields != encodedFor) {
            fieldPrefixes = new byte[fields.length][];
            for (int i = 0; i < fields.length; i++) {
                // written past the records with the string escaping, copied out, then taken back
                int start = length;
                putString(fields[i]);
                put((byte) ':');
                fieldPrefixes[i] = Arrays.copyOfRange(bytes, start, length);
                length = start;
            }
            encodedFor = fields;
        }
        return fieldPrefixes;
    }

    private void putString(String text) {
        putQuoted(text.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * Text as the CSV held its UTF-8 bytes, copied without decoding when it is ASCII. Other text goes through a String
     * as REST text does, so that malformed bytes come out as the same replacement characters.
     */
    private void putCsvText(byte[] utf8) {
        int start = length;
        if (!putQuoted(utf8, false)) {
            length = start;
            putString(new String(utf8, StandardCharsets.UTF_8));
        }
    }

    /**
     * Writes the bytes quoted, escaped, and the runs between escapes copied whole. Returns false, having written part,
     * at a non-ASCII byte unless the bytes are known to be well-formed UTF-8.
     */
    private boolean putQuoted(byte[] utf8, boolean wellFormed) {
        ensure(utf8.length * 6 + 2);
        bytes[length++] = '"';
        int runStart = 0;
        int i = 0;
        while ((i = JsonPlainBytes.endOfRun(utf8, i, utf8.length)) < utf8.length) {
            byte b = utf8[i++];
            if (b >= 0) {
                putRun(utf8, runStart, i - 1);
                putEscaped(b);
                runStart = i;
            } else if (!wellFormed) {
                return false;
            }
        }
        putRun(utf8, runStart, utf8.length);
        bytes[length++] = '"';
        return true;
    }

    private void putRun(byte[] from, int start, int end) {
        System.arraycopy(from, start, bytes, length, end - start);
        length += end - start;
    }

    /** Escapes as Jackson's writer does: the short forms where JSON has one, else backslash-u with upper-case hex. */
    private void putEscaped(byte b) {
        bytes[length++] = '\\';
        switch (b) {
            case '"', '\\' -> bytes[length++] = b;
            case '\n' -> bytes[length++] = 'n';
            case '\r' -> bytes[length++] = 'r';
            case '\t' -> bytes[length++] = 't';
            case '\b' -> bytes[length++] = 'b';
            case '\f' -> bytes[length++] = 'f';
            default -> {
                bytes[length++] = 'u';
                bytes[length++] = '0';
                bytes[length++] = '0';
                bytes[length++] = HEX[b >> 4];
                bytes[length++] = HEX[b & 0xF];
            }
        }
    }

    private void putAscii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    private void put(byte[] raw) {
        ensure(raw.length);
        System.arraycopy(raw, 0, bytes, length, raw.length);
        length += raw.length;
    }

    private void put(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
