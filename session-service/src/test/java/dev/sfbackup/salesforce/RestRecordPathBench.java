package dev.sfbackup.salesforce;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sfbackup.session.backup.read.NormalizedRecord;
import dev.sfbackup.session.backup.read.RecordNormalizer;
import dev.sfbackup.session.backup.upload.NdjsonBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * CPU of the engine's REST read path per record (an incremental run's path): query-page JSON to {@link NormalizedRecord}
 * to NDJSON batch bytes, beside the Bulk read path ({@link BulkRecordPathBench}'s byte path) over the same generated
 * Account rows in the same run; the ratio is what a record costs read through REST rather than Bulk API 2.0. One
 * thread, the process's CPU (garbage collection included), the fastest of six rounds. Pages hold 2,000 records as
 * Salesforce sends them: an {@code attributes} object per record, date-times spelled {@code …+0000}, numbers and
 * booleans unquoted, empty values null. Checks that both paths write the same NDJSON.
 * Run: ./mvnw -o -q test-compile -pl session-service -am &&
 * ./mvnw -o -q dependency:build-classpath -pl session-service -Dmdep.outputFile=/tmp/session-cp.txt &&
 * java -cp "$(cat /tmp/session-cp.txt):session-service/target/classes:session-service/target/test-classes"
 * dev.sfbackup.salesforce.RestRecordPathBench [records per round, default 1000000]
 */
public final class RestRecordPathBench {

    private static final int PAGE_RECORDS = 2_000;
    private static final int BATCH_RECORDS = 2_000;
    private static final JsonFactory JSON = new JsonFactory();

    private RestRecordPathBench() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        byte[] csv = BulkRecordPathBench.accountCsv(new Random(20));
        SObjectDescribe describe = BulkRecordPathBench.describe();
        List<byte[]> pages = restPages(csv, describe);
        TwoPathRounds.Fastest fastest = TwoPathRounds.compare(records, "Bulk CSV", () -> bulk(csv, describe, records),
                "REST JSON", () -> rest(pages, describe, records));
        System.out.printf("fastest: Bulk CSV %.2f µs per record, REST JSON %.2f µs per record, ratio %.2f%n",
                fastest.first() / 1e3 / records, fastest.second() / 1e3 / records, fastest.ratio());
    }

    /** The Bulk path as the engine runs it (bytes per cell); returns the last full batch. */
    private static byte[] bulk(byte[] csv, SObjectDescribe describe, int records) throws IOException {
        RecordNormalizer normalizer = new RecordNormalizer(describe, BulkRecordPathBench.HEADER);
        Batches batches = new Batches();
        int done = 0;
        while (done < records) {
            try (CsvRowReader reader = new CsvRowReader(new ByteArrayInputStream(csv), ',')) {
                List<String> columns = List.copyOf(reader.next());
                for (CsvRow row = reader.nextRow(); row != null && done < records; row = reader.nextRow()) {
                    batches.add(normalizer.fromCsv(columns, row));
                    done++;
                }
            }
        }
        return batches.last;
    }

    /** The REST path: each page parsed as RestQuery does, each record handed to the normalizer at its start. */
    private static byte[] rest(List<byte[]> pages, SObjectDescribe describe, int records) throws IOException {
        RecordNormalizer normalizer = new RecordNormalizer(describe, BulkRecordPathBench.HEADER);
        Batches batches = new Batches();
        int done = 0;
        while (done < records) {
            for (int p = 0; p < pages.size() && done < records; p++) {
                try (JsonParser page = JSON.createParser(pages.get(p))) {
                    while (page.nextToken() != JsonToken.START_ARRAY) {
                        // totalSize and done come first
                    }
                    while (page.nextToken() == JsonToken.START_OBJECT && done < records) {
                        batches.add(normalizer.fromRest(page));
                        done++;
                    }
                }
            }
        }
        return batches.last;
    }

    /** Batches as the engine cuts a REST read (a page's records each); keeps the last full one. */
    private static final class Batches {
        private NdjsonBatch batch = new NdjsonBatch();
        private byte[] last;

        void add(NormalizedRecord record) {
            batch.add(record);
            if (batch.isFull(BATCH_RECORDS, 8 << 20)) {
                last = batch.toBytes();
                batch = new NdjsonBatch();
            }
        }
    }

    /** The CSV's rows as REST query pages: typed values, REST's date-time spelling, nulls for empty cells. */
    private static List<byte[]> restPages(byte[] csv, SObjectDescribe describe) throws IOException {
        List<byte[]> pages = new ArrayList<>();
        try (CsvRowReader reader = new CsvRowReader(new ByteArrayInputStream(csv), ',')) {
            List<String> columns = List.copyOf(reader.next());
            List<List<String>> rows = new ArrayList<>();
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
                if (rows.size() == PAGE_RECORDS) {
                    pages.add(page(columns, rows, describe));
                    rows.clear();
                }
            }
            if (!rows.isEmpty()) {
                pages.add(page(columns, rows, describe));
            }
        }
        return pages;
    }

    private static byte[] page(List<String> columns, List<List<String>> rows, SObjectDescribe describe) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("totalSize", rows.size());
            json.writeBooleanField("done", true);
            json.writeArrayFieldStart("records");
            for (List<String> row : rows) {
                json.writeStartObject();
                json.writeObjectFieldStart("attributes");
                json.writeStringField("type", "Account");
                json.writeStringField("url", "/services/data/v62.0/sobjects/Account/" + row.get(0));
                json.writeEndObject();
                for (int c = 0; c < columns.size(); c++) {
                    json.writeFieldName(columns.get(c));
                    writeValue(json, describe.field(columns.get(c)).orElseThrow().type(), row.get(c));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator json, String type, String text) throws IOException {
        if (text.isEmpty()) {
            json.writeNull();
            return;
        }
        switch (type) {
            case "boolean" -> json.writeBoolean(Boolean.parseBoolean(text));
            case "currency", "int" -> json.writeNumber(new BigDecimal(text));
            case "datetime" -> json.writeString(text.replace("Z", "+0000"));
            default -> json.writeString(text);
        }
    }
}
