package dev.sfbackup.storage.restorepoint.rest;

import dev.sfbackup.storage.restorepoint.PointInTime;
import dev.sfbackup.storage.restorepoint.service.RecordQuery;
import dev.sfbackup.storage.restorepoint.service.RecordReadService;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.SQLException;

/** Record reads as streamed responses: rows go out while the cursor advances, never a whole object in memory. */
public final class RecordStreams {

    private RecordStreams() {
    }

    static Response records(RecordReadService reads, PointInTime at, RecordQuery query, RecordsMediaType type) {
        StreamingOutput body = out -> unchecked(() -> {
            if (type == RecordsMediaType.CSV) {
                reads.writeCsv(at, query, out);
            } else {
                reads.writeNdjson(at, query, out);
            }
        });
        String contentType = type == RecordsMediaType.CSV ? "text/csv; charset=UTF-8" : type.value;
        return Response.ok(body, contentType).build();
    }

    public interface SqlWrite {
        void run() throws SQLException, IOException;
    }

    public static void unchecked(SqlWrite write) throws IOException {
        try {
            write.run();
        } catch (SQLException e) {
            throw new IOException("reading record versions failed", e);
        }
    }
}
