package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.soql.QueryPlan;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 rows as Bulk API 2.0 writes them: every non-null value quoted, quotes doubled, null as an empty cell. */
public final class CsvWriter {

    private final Writer out;
    private final char delimiter;
    private final String lineEnding;

    CsvWriter(Writer out, char delimiter, String lineEnding) {
        this.out = out;
        this.delimiter = delimiter;
        this.lineEnding = lineEnding;
    }

    /** Writes the header and the records results[from..to) of a query, generating each row as it goes. */
    public static void writeResults(QueryPlan plan, int[] results, int from, int to, char delimiter, String lineEnding,
            OutputStream stream) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        CsvWriter csv = new CsvWriter(writer, delimiter, lineEnding);
        List<FieldDef> fields = plan.fields();
        for (int f = 0; f < fields.size(); f++) {
            csv.cell(f == 0, fields.get(f).name());
        }
        csv.endRow();
        SObjectTable table = plan.table();
        for (int i = from; i < to; i++) {
            RecordView record = table.view(results[i]);
            for (int f = 0; f < fields.size(); f++) {
                FieldDef field = fields.get(f);
                Object value = record.get(field);
                csv.cell(f == 0, value == null ? null : field.type().toCsv(value));
            }
            csv.endRow();
        }
        writer.flush();
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
