package dev.sfbackup.emulator.service;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV as Bulk API 2.0 ingest accepts it: quoted or bare cells, doubled quotes, LF or CRLF line endings. */
final class CsvParser {

    private CsvParser() {
    }

    /** The rows of the text, header included; a row's cells in order, an empty cell as "". */
    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean rowHasContent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                rowHasContent = true;
            } else if (c == delimiter) {
                row.add(cell.toString());
                cell.setLength(0);
                rowHasContent = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (rowHasContent || cell.length() > 0) {
                    row.add(cell.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                cell.setLength(0);
                rowHasContent = false;
            } else {
                cell.append(c);
                rowHasContent = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted value");
        }
        if (rowHasContent || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
