package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF; nested values as JSON. */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void header(List<String> columns) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(columns.get(i));
        }
        out.write("\r\n");
    }

    void row(List<String> columns, JsonNode record) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            JsonNode value = record.get(columns.get(i));
            if (value != null && !value.isNull()) {
                field(value.isValueNode() ? value.asText() : value.toString());
            }
        }
        out.write("\r\n");
    }

    private void field(String value) throws IOException {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    void flush() throws IOException {
        out.flush();
    }
}
