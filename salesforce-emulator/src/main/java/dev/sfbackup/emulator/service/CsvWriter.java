package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.soql.QueryPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * RFC 4180 rows as Bulk API 2.0 writes them: every non-null value quoted, quotes doubled, null as an empty cell, UTF-8.
 * <p>
 * Hand-written, encoding into its own byte buffer, date-times formatted straight into it, each column's reader resolved
 * once per page: the emulator shares the benchmark machine with the suite it serves. BulkCsvBench (1,000,000 Accounts of
 * seed 11, every field) measured 1.5-1.6 CPU-s with it against 2.8-3.6 for the BufferedWriter/OutputStreamWriter writer
 * it replaced (PlainCsvWriter in the tests) on main's generation code. CsvWriterTest checks both write the same bytes on
 * edge-case values (quotes, delimiters, line breaks, non-ASCII, surrogate pairs, lone surrogates, far dates, doubles).
 */
public final class CsvWriter {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte delimiter;
    private final byte[] lineEnding;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int used;

    /** @param delimiter one of the ASCII delimiters Bulk API 2.0 offers */
    CsvWriter(OutputStream out, char delimiter, String lineEnding) {
        if (delimiter >= 0x80) {
            throw new IllegalArgumentException("delimiter must be ASCII: " + delimiter);
        }
        this.out = out;
        this.delimiter = (byte) delimiter;
        this.lineEnding = lineEnding.getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the header and the records results[from..to) of a query, generating each row as it goes. */
    public static void writeResults(QueryPlan plan, int[] results, int from, int to, char delimiter, String lineEnding,
            OutputStream stream) throws IOException {
        CsvWriter csv = new CsvWriter(stream, delimiter, lineEnding);
        List<FieldDef> fields = plan.fields();
        for (int f = 0; f < fields.size(); f++) {
            csv.cell(f == 0, fields.get(f).name());
        }
        csv.endRow();
        SObjectTable table = plan.table();
        FieldType[] types = fields.stream().map(FieldDef::type).toArray(FieldType[]::new);
        RecordView.FieldReader[] readers = fields.stream().map(RecordView::reader).toArray(RecordView.FieldReader[]::new);
        for (int i = from; i < to; i++) {
            RecordView record = table.view(results[i]);
            for (int f = 0; f < readers.length; f++) {
                csv.value(f == 0, types[f], readers[f].read(record));
            }
            csv.endRow();
        }
        csv.flush();
    }

    void cell(boolean first, String value) throws IOException {
        startCell(first);
        if (value != null) {
            quote();
            text(value);
            quote();
        }
    }

    /** A field value as {@link FieldType#toCsv} formats it; date-times and booleans without making a String of them. */
    void value(boolean first, FieldType type, Object value) throws IOException {
        startCell(first);
        if (value == null) {
            return;
        }
        quote();
        switch (value) {
            case String s -> text(s);
            case Instant instant -> dateTime(type, instant);
            case Boolean b -> raw(b ? TRUE : FALSE);
            default -> text(type.toCsv(value));
        }
        quote();
    }

    private void startCell(boolean first) throws IOException {
        if (!first) {
            room(1);
            buffer[used++] = delimiter;
        }
    }

    private void quote() throws IOException {
        room(1);
        buffer[used++] = '"';
    }

    private void dateTime(FieldType type, Instant instant) throws IOException {
        room(FieldType.CSV_DATETIME_LENGTH);
        int end = FieldType.writeCsvDateTime(instant, buffer, used);
        if (end < 0) {
            text(type.toCsv(instant));
        } else {
            used = end;
        }
    }

    void endRow() throws IOException {
        raw(lineEnding);
    }

    void flush() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
        out.flush();
    }

    /**
     * The value as UTF-8 (an unpaired surrogate as '?', as Java's encoder writes it), quotes doubled: a quote byte is
     * never part of a multi-byte character, so they are doubled after encoding.
     */
    private void text(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (value.indexOf('"') < 0) {
            raw(bytes);
            return;
        }
        for (byte b : bytes) {
            room(2);
            buffer[used++] = b;
            if (b == '"') {
                buffer[used++] = '"';
            }
        }
    }

    private void raw(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - used) {
            drain();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    /** Makes room for the given number of bytes. */
    private void room(int bytes) throws IOException {
        if (buffer.length - used < bytes) {
            drain();
        }
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }
}
