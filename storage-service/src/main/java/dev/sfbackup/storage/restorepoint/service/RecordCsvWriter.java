package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * CSV rows written straight from stored records' canonical JSON bytes, byte for byte what {@link CsvWriter} writes
 * for the values a JSON parser reads from them (a header of the columns, RFC 4180 quoting only where a value needs it,
 * CRLF, empty for a missing field, numbers as stored, nested values as JSON). A string without escapes is copied as it
 * is stored (JSON holds no raw quote, CR or LF), quoted when it holds a comma; a string with escapes and a nested value
 * are read by Jackson and quoted like CsvWriter does.
 * <p>
 * Hand-written, not jackson-dataformat-csv: parsing each record into Strings and writing them through CsvWriter kept
 * the CSV read of 1,000,000 records at 1.93x the NDJSON read's time (records-bench.sh 1000000, latest point; 2.29x for
 * the old point), where issue 20 asks for at most 1.5x; with this class 1.08x (1.13x). Each record is scanned once:
 * a key is first compared with the one that followed the previous key in the last record ({@link ExpectedKeys}), a
 * string's end, commas and escapes are found by {@link JsonStringScan}'s vector search, and the cell is written from
 * what the scan found (RecordCsvBench, CPU per record on IngestBench's records: 1750 ns with a loop over the bytes and a
 * hash per key, 780 ns so; records-bench.sh 1000000 on a loaded machine, two runs: CSV/NDJSON 1.14x and 1.36x latest,
 * 1.12x and 1.38x old point).
 * RecordCsvWriterTest checks the output against Jackson's parser and CsvWriter on random records.
 */
final class RecordCsvWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] CRLF = {'\r', '\n'};
    /** What a value is, as far as its cell goes: found while the record is scanned, so a cell needs no second scan. */
    private static final byte PLAIN_STRING = 0;
    private static final byte STRING_WITH_COMMA = 1;
    private static final byte STRING_WITH_ESCAPES = 2;
    private static final byte OTHER = 3;

    private final OutputStream out;
    private final FieldNames columns = new FieldNames();
    private final int[] columnOfName; // by the name's position in columns: its first column in the header
    private final int[] starts;
    private final int[] ends;
    private final byte[] kinds;
    private final ExpectedKeys keys = new ExpectedKeys(); // the value of each: its column, or -1
    private final JsonStringScan strings = new JsonStringScan();
    private final byte[] buffer = new byte[1 << 16];
    private int buffered;

    /** Writes the header. */
    RecordCsvWriter(OutputStream out, List<String> header) throws IOException {
        this.out = out;
        this.starts = new int[header.size()];
        this.ends = new int[header.size()];
        this.kinds = new byte[header.size()];
        this.columnOfName = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            int known = columns.size();
            columns.add(header.get(i));
            if (columns.size() > known) {
                columnOfName[known] = i;
            }
            if (i > 0) {
                put((byte) ',');
            }
            text(header.get(i));
        }
        put(CRLF, 0, 2);
    }

    /** One row: the record's values in column order. */
    void row(byte[] json) throws IOException {
        Arrays.fill(starts, -1);
        if (json.length < 2 || json[0] != '{') {
            throw new IllegalStateException("a stored record is not a JSON object");
        }
        strings.record(json);
        int p = 1;
        int previous = ExpectedKeys.NONE;
        while (json[p] == '"') {
            int key = keys.expected(previous, json, p + 1);
            int keyEnd;
            if (key != ExpectedKeys.NONE) {
                keyEnd = p + 1 + keys.length(key);
            } else {
                keyEnd = stringEnd(json, p + 1);
                key = keys.find(json, p + 1, keyEnd);
                if (key == ExpectedKeys.NONE) {
                    key = keys.add(json, p + 1, keyEnd, column(json, p + 1, keyEnd));
                }
                keys.follows(previous, key);
            }
            previous = key;
            int column = keys.value(key);
            int valueStart = keyEnd + 2; // past the quote and the colon
            byte kind = OTHER;
            if (json[valueStart] == '"') {
                int scanned = strings.string(valueStart + 1);
                if (scanned >= 0) {
                    kind = JsonStringScan.hasComma(scanned) ? STRING_WITH_COMMA : PLAIN_STRING;
                    p = JsonStringScan.closingQuote(scanned) + 1;
                } else {
                    kind = STRING_WITH_ESCAPES;
                    p = stringEnd(json, valueStart + 1) + 1;
                }
            } else {
                p = valueEnd(json, valueStart);
            }
            if (column >= 0) {
                starts[column] = valueStart;
                ends[column] = p;
                kinds[column] = kind;
            }
            if (json[p] == ',') {
                p++;
            }
        }
        if (json[p] != '}') {
            // stored records are written by CanonicalRecord's compact generator: no whitespace between tokens
            throw new IllegalStateException("a stored record is not compact JSON (byte " + p + ")");
        }
        for (int i = 0; i < starts.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            if (starts[i] >= 0) {
                cell(json, starts[i], ends[i], kinds[i]);
            }
        }
        put(CRLF, 0, 2);
    }

    /** Writes what is buffered and flushes the target (which stays open). */
    void finish() throws IOException {
        out.write(buffer, 0, buffered);
        buffered = 0;
        out.flush();
    }

    /** The column of the key {@code json[from, to)}, or -1 (a key with escapes is looked up decoded). */
    private int column(byte[] json, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            if (json[i] == '\\') {
                byte[] key = decodedString(json, from - 1, to + 1).getBytes(StandardCharsets.UTF_8);
                return columnOf(columns.indexOf(key, 0, key.length));
            }
        }
        return columnOf(columns.indexOf(json, from, to));
    }

    private int columnOf(int name) {
        return name < 0 ? -1 : columnOfName[name];
    }

    private void cell(byte[] json, int start, int end, byte kind) throws IOException {
        switch (kind) {
            case PLAIN_STRING -> put(json, start + 1, end - start - 2);
            case STRING_WITH_COMMA -> {
                put((byte) '"');
                put(json, start + 1, end - start - 2);
                put((byte) '"');
            }
            case STRING_WITH_ESCAPES -> text(decodedString(json, start, end));
            default -> {
                switch (json[start]) {
                    case '{', '[' -> text(MAPPER.readTree(json, start, end - start).toString());
                    case 'n' -> {
                    }
                    default -> put(json, start, end - start);
                }
            }
        }
    }

    /** A value as CsvWriter writes it: quoted, with its quotes doubled, when it needs quotes. */
    private void text(String value) throws IOException {
        if (!CsvWriter.needsQuotes(value)) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            put(bytes, 0, bytes.length);
            return;
        }
        byte[] bytes = ("\"" + value.replace("\"", "\"\"") + "\"").getBytes(StandardCharsets.UTF_8);
        put(bytes, 0, bytes.length);
    }

    private static String decodedString(byte[] json, int start, int end) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(json, start, end - start)) {
            parser.nextToken();
            return parser.getText();
        }
    }

    /** The position of the quote that closes the string whose first char is at from. */
    private static int stringEnd(byte[] json, int from) {
        int i = from;
        while (json[i] != '"') {
            i += json[i] == '\\' ? 2 : 1;
        }
        return i;
    }

    /** The position just after the value that starts at from (not a string: those are scanned by JsonStringScan). */
    private static int valueEnd(byte[] json, int from) {
        byte first = json[from];
        if (first == '{' || first == '[') {
            int depth = 0;
            int i = from;
            do {
                byte b = json[i];
                if (b == '"') {
                    i = stringEnd(json, i + 1);
                } else if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    depth--;
                }
                i++;
            } while (depth > 0);
            return i;
        }
        int i = from;
        while (json[i] != ',' && json[i] != '}') {
            i++;
        }
        return i;
    }

    private void put(byte b) throws IOException {
        if (buffered == buffer.length) {
            drain();
        }
        buffer[buffered++] = b;
    }

    private void put(byte[] bytes, int from, int length) throws IOException {
        if (length > buffer.length - buffered) {
            drain();
            if (length > buffer.length) {
                out.write(bytes, from, length);
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, buffered, length);
        buffered += length;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, buffered);
        buffered = 0;
    }
}
