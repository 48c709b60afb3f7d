package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.soql.QueryPlan;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The straightforward Bulk CSV writer the emulator had before {@link CsvWriter} wrote bytes itself: each value read with
 * {@link RecordView#get}, formatted with {@code FieldType.toCsv}, quoted through a {@link Writer}. The reference the
 * fast writer's output is checked against, and the baseline of {@code BulkCsvBench}.
 */
public final class PlainCsvWriter {

    private PlainCsvWriter() {
    }

    public static void writeResults(QueryPlan plan, int[] results, int from, int to, char delimiter, String lineEnding,
            OutputStream stream) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        List<FieldDef> fields = plan.fields();
        for (int f = 0; f < fields.size(); f++) {
            cell(out, f == 0, delimiter, fields.get(f).name());
        }
        out.write(lineEnding);
        for (int i = from; i < to; i++) {
            RecordView record = plan.table().view(results[i]);
            for (int f = 0; f < fields.size(); f++) {
                FieldDef field = fields.get(f);
                Object value = record.get(field);
                cell(out, f == 0, delimiter, value == null ? null : field.type().toCsv(value));
            }
            out.write(lineEnding);
        }
        out.flush();
    }

    static void cell(Writer out, boolean first, char delimiter, String value) throws IOException {
        if (!first) {
            out.write(delimiter);
        }
        if (value == null) {
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
