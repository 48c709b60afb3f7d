package dev.sfbackup.emulator;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** A minimal RFC 4180 reader for the tests: quoted cells may hold delimiters, doubled quotes and line breaks. */
final class CsvRows {

    private final Reader in;
    private final char delimiter;

    CsvRows(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The next row's cells (null for an empty unquoted cell), or null at the end. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IOException("unterminated quoted cell");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                row.add(wasQuoted || cell.length() > 0 ? cell.toString() : null);
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                row.add(wasQuoted || cell.length() > 0 ? cell.toString() : null);
                return row;
            } else if (c != '\r') {
                cell.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        return in.read();
    }
}
