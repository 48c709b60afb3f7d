package dev.sfbackup.emulator.service;

import java.io.IOException;
import java.io.Writer;

/** RFC 4180 rows as Bulk API 2.0 writes them: every non-null value quoted, quotes doubled, null as an empty cell. */
final class CsvWriter {

    private final Writer out;
    private final char delimiter;
    private final String lineEnding;

    CsvWriter(Writer out, char delimiter, String lineEnding) {
        this.out = out;
        this.delimiter = delimiter;
        this.lineEnding = lineEnding;
    }

    void cell(boolean first, String value) throws IOException {
        if (!first) {
            out.write(delimiter);
        }
        if (value == null) {
            return;
        }
        out.write('"');
        if (value.indexOf('"') >= 0) {
            out.write(value.replace("\"", "\"\""));
        } else {
            out.write(value);
        }
        out.write('"');
    }

    void endRow() throws IOException {
        out.write(lineEnding);
    }
}
