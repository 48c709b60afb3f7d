package dev.sfbackup.salesforce;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 reader over a stream: comma-separated, fields optionally double-quoted, {@code ""} inside quotes is a quote,
 * quoted fields may hold commas, CR and LF; records end with LF or CRLF. Holds one record in memory at a time.
 */
final class CsvRowReader implements Closeable {

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private int lastWidth = 16;

    CsvRowReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The next record, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>(lastWidth);
        StringBuilder field = new StringBuilder(64);
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new IOException("CSV ends inside a quoted field");
                }
                if (c != '"') {
                    // the run up to the next quote in one copy: values are long and mostly quoted
                    field.append((char) c);
                    int end = position;
                    while (end < limit && buffer[end] != '"') {
                        end++;
                    }
                    field.append(buffer, position, end - position);
                    position = end;
                } else {
                    int after = peek();
                    if (after == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c < 0) {
                fields.add(field.toString());
                lastWidth = fields.size();
                return fields;
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                fields.add(field.toString());
                lastWidth = fields.size();
                return fields;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
