package dev.sfbackup.session.restore;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sfbackup.api.restore.RestoreReportLine;
import dev.sfbackup.session.restore.persistence.RestoreReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Writes a restore's report a page of lines at a time, as NDJSON (one {@link RestoreReportLine} a line) or CSV. */
@ApplicationScoped
public class RestoreReportWriter {

    private static final List<String> CSV_HEADER = List.of("object", "backupId", "targetId", "action", "changedFields", "status",
            "statusCode", "message", "before", "after");
    private static final int PAGE = 1000;
    /** RFC 4180, a value quoted only when it holds a comma, quote or line break; LF line ends. */
    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private final RestoreReport report;
    private final ObjectMapper json;

    public RestoreReportWriter(RestoreReport report, ObjectMapper json) {
        this.report = report;
        this.json = json;
    }

    public void write(UUID restoreId, boolean csv, OutputStream out) throws IOException {
        if (!csv) {
            forEachLine(restoreId, line -> out.write((json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
            return;
        }
        try (CsvGenerator rows = CSV.createGenerator(out)) {
            rows.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            rows.setSchema(CsvSchema.emptySchema().withLineSeparator("\n"));
            writeRow(rows, CSV_HEADER);
            forEachLine(restoreId, line -> writeRow(rows, csvCells(line)));
        }
    }

    @FunctionalInterface
    private interface LineWriter {
        void write(RestoreReportLine line) throws IOException;
    }

    private void forEachLine(UUID restoreId, LineWriter writer) throws IOException {
        long after = 0;
        while (true) {
            List<RestoreReport.Numbered> page = report.page(restoreId, after, PAGE);
            for (RestoreReport.Numbered numbered : page) {
                writer.write(numbered.line());
                after = numbered.seq();
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private List<String> csvCells(RestoreReportLine line) {
        return Arrays.asList(line.object(), line.backupId(), line.targetId(), line.action().name(),
                String.join(";", line.changedFields()), line.status(), line.statusCode(), line.message(), values(line, true),
                values(line, false));
    }

    private static void writeRow(CsvGenerator rows, List<String> cells) throws IOException {
        rows.writeStartArray();
        for (String cell : cells) {
            // a null as an empty value, not a missing one (Jackson drops trailing nulls)
            rows.writeString(cell == null ? "" : cell);
        }
        rows.writeEndArray();
    }

    /** A dry run's values of the changed fields as one JSON object ({"Field": value}), before or after; empty without. */
    private String values(RestoreReportLine line, boolean before) {
        if (line.changes().isEmpty()) {
            return null;
        }
        ObjectNode values = json.createObjectNode();
        line.changes().forEach(change -> values.put(change.field(), before ? change.before() : change.after()));
        return values.toString();
    }
}
