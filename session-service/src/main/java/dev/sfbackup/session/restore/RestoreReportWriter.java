package dev.sfbackup.session.restore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.restore.RestoreReportLine;
import dev.sfbackup.session.restore.persistence.RestoreReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Writes a restore's report a page of lines at a time, as NDJSON (one {@link RestoreReportLine} a line) or CSV. */
@ApplicationScoped
public class RestoreReportWriter {

    static final String CSV_HEADER = "object,backupId,targetId,action,changedFields,status,statusCode,message,before,after\n";
    private static final int PAGE = 1000;

    private final RestoreReport report;
    private final ObjectMapper json;

    public RestoreReportWriter(RestoreReport report, ObjectMapper json) {
        this.report = report;
        this.json = json;
    }

    public void write(UUID restoreId, boolean csv, OutputStream out) throws IOException {
        if (csv) {
            out.write(CSV_HEADER.getBytes(StandardCharsets.UTF_8));
        }
        long after = 0;
        while (true) {
            List<RestoreReport.Numbered> page = report.page(restoreId, after, PAGE);
            for (RestoreReport.Numbered numbered : page) {
                out.write(csv ? csvLine(numbered.line()) : (json.writeValueAsString(numbered.line()) + "\n").getBytes(StandardCharsets.UTF_8));
                after = numbered.seq();
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private byte[] csvLine(RestoreReportLine line) {
        String text = String.join(",", cell(line.object()), cell(line.backupId()), cell(line.targetId()),
                cell(line.action().name()), cell(String.join(";", line.changedFields())), cell(line.status()),
                cell(line.statusCode()), cell(line.message()), cell(values(line, true)), cell(values(line, false))) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
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

    /** RFC 4180: a value with a comma, quote or line break is quoted, its quotes doubled. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
