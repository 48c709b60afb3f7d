package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as Salesforce Data Loader reads it, written by jackson-dataformat-csv: a header of API field names, RFC 4180
 * quoting (only where a field needs it), CRLF line ends, empty for null, nested values (compound fields) as JSON.
 * The caller owns the target: it is flushed at the end, never closed, so a CSV can be one entry of a ZIP. Rows are not
 * flushed one by one (Jackson's default for a sequence): a flush per row sent each row to the HTTP response as its own
 * write, a fifth of the CSV read's samples in JFR on the records bench (records-bench.sh 200000).
 */
public final class CsvWriter {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private final List<String> columns;
    private final SequenceWriter rows;
    private final String[] row;

    public CsvWriter(Writer out, List<String> columns) throws IOException {
        this.columns = List.copyOf(columns);
        this.rows = CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"))
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(out);
        this.row = new String[columns.size()];
        rows.write(this.columns.toArray(String[]::new));
    }

    public void row(JsonNode record) throws IOException {
        for (int i = 0; i < row.length; i++) {
            JsonNode value = record.get(columns.get(i));
            row[i] = value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
        }
        rows.write(row);
    }

    /** One row of values already in column order. */
    public void row(String[] values) throws IOException {
        rows.write(values);
    }

    /** Flushes what is buffered (the target stays open). */
    public void finish() throws IOException {
        rows.close();
    }
}
