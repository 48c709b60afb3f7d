package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as Salesforce Data Loader reads it, written by jackson-dataformat-csv: a header of API field names, RFC 4180
 * quoting (only where a field needs it), CRLF line ends, empty for null, nested values (compound fields) as JSON.
 * The caller owns the target: it is flushed at the end, never closed, so a CSV can be one entry of a ZIP. Rows are
 * written through the generator, not a SequenceWriter flushing each one (a flush per row sent each row to the HTTP
 * response as its own write, a fifth of the CSV read's samples in JFR on the records bench, records-bench.sh 200000).
 * <p>
 * Whether a value needs quotes is decided here, by the rule of Jackson's STRICT_CHECK_FOR_QUOTING for this schema
 * (it holds the separator, the quote, CR or LF), and a value that does not is handed to Jackson as a raw value: its
 * check, a loop over every char that branches on each space, was a fifth of the CSV read's JFR samples on
 * records-bench.sh 200000; four String.indexOf scans (vectorised by the JIT) find the same chars. CsvWriterTest checks
 * the output against Jackson's own strict quoting.
 */
public final class CsvWriter {

    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");

    private final List<String> columns;
    private final CsvGenerator out;
    private final String[] row;

    public CsvWriter(Writer target, List<String> columns) throws IOException {
        this.columns = List.copyOf(columns);
        this.out = CSV.createGenerator(target);
        out.setSchema(SCHEMA);
        this.row = new String[columns.size()];
        row(this.columns.toArray(String[]::new));
    }

    public void row(JsonNode record) throws IOException {
        for (int i = 0; i < row.length; i++) {
            JsonNode value = record.get(columns.get(i));
            row[i] = value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
        }
        row(row);
    }

    /** One row of values already in column order. */
    public void row(String[] values) throws IOException {
        out.writeStartArray();
        for (String value : values) {
            if (needsQuotes(value)) {
                out.writeString(value);
            } else {
                out.writeRawValue(value);
            }
        }
        out.writeEndArray();
    }

    /** Flushes what is buffered (the target stays open). */
    public void finish() throws IOException {
        out.close();
    }

    /** Jackson's strict check for this schema (comma separator, double quote, CRLF line ends and no comments). */
    static boolean needsQuotes(String value) {
        return value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }
}
