package dev.sfbackup.salesforce;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.sun.management.OperatingSystemMXBean;
import dev.sfbackup.session.backup.read.NormalizedRecord;
import dev.sfbackup.session.backup.read.RecordNormalizer;
import dev.sfbackup.session.backup.upload.NdjsonBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * CPU of the engine's Bulk read path per record: CSV bytes to {@link NormalizedRecord} to NDJSON batch bytes, over
 * generated Account-shaped rows (~670 bytes), in one thread; the figure is the process's CPU, garbage collection
 * included (in the engine the read-ahead thread parses and normalizes, the task thread writes batches). Baseline in the same run: the
 * library path, jackson-dataformat-csv reading a String per CSV cell into {@code fromCsv(List, List)}, against the
 * engine's hand-written {@link CsvRowReader} keeping each cell's bytes ({@code fromCsv(List, CsvRow)}); checks that both
 * give the same bytes; for scale, what gzip of the same rows costs. Lives in the client's package to reach its package-private CSV reader.
 * Run: ./mvnw -o -q test-compile -pl session-service -am &&
 * ./mvnw -o -q dependency:build-classpath -pl session-service -Dmdep.outputFile=/tmp/session-cp.txt &&
 * java -cp "$(cat /tmp/session-cp.txt):session-service/target/classes:session-service/target/test-classes"
 * dev.sfbackup.salesforce.BulkRecordPathBench [records per round, default 1000000]
 */
public final class BulkRecordPathBench {

    private static final int DISTINCT_ROWS = 100_000;
    private static final int BATCH_RECORDS = 5_000;
    static final List<String> HEADER = List.of("Id", "IsDeleted", "Name", "ParentId", "Type", "Industry", "BillingCity",
            "Phone", "Website", "AnnualRevenue", "NumberOfEmployees", "Description", "OwnerId", "CreatedDate", "CreatedById",
            "LastModifiedDate", "LastModifiedById", "SystemModstamp");
    private static final String[] WORDS = {"acme", "global", "solutions", "the", "of", "and", "systems", "data", "cloud",
        "partner", "service", "north", "river", "Zürich", "\"quoted\"", "comma,", "line\nbreak", "tab\there"};

    private BulkRecordPathBench() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        byte[] csv = accountCsv(new Random(20));
        SObjectDescribe describe = describe();
        TwoPathRounds.Fastest fastest = TwoPathRounds.compare(records, "Jackson, String per cell", () -> runJackson(csv, describe, records),
                "CsvRowReader, bytes per cell", () -> run(csv, describe, records));
        System.out.printf("fastest: Jackson, String per cell %.2f CPU-s, CsvRowReader, bytes per cell %.2f CPU-s, ratio %.2f%n",
                fastest.first() / 1e9, fastest.second() / 1e9, fastest.ratio());
        gzipForScale(csv, records, (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean());
    }

    /** Reads the CSV over and over until records rows went through; returns the last batch's bytes. */
    private static byte[] run(byte[] csv, SObjectDescribe describe, int records) throws IOException {
        Batches batches = new Batches(describe);
        while (batches.done < records) {
            try (CsvRowReader reader = new CsvRowReader(new ByteArrayInputStream(csv), ',')) {
                List<String> columns = List.copyOf(reader.next());
                for (CsvRow row = reader.nextRow(); row != null && batches.done < records; row = reader.nextRow()) {
                    batches.add(batches.normalizer.fromCsv(columns, row));
                }
            }
        }
        return batches.last();
    }

    /**
     * The same rows through jackson-dataformat-csv's streaming parser (its fastest use: no data binding), each row's
     * cells as Strings into one reused list (Bulk API 2.0 writes null as an empty cell).
     */
    private static byte[] runJackson(byte[] csv, SObjectDescribe describe, int records) throws IOException {
        Batches batches = new Batches(describe);
        CsvFactory factory = new CsvFactory();
        List<String> columns = null;
        List<String> row = new ArrayList<>();
        while (batches.done < records) {
            try (CsvParser parser = factory.createParser(csv)) {
                while (parser.nextToken() == JsonToken.START_ARRAY && batches.done < records) {
                    row.clear();
                    for (String cell = parser.nextTextValue(); cell != null; cell = parser.nextTextValue()) {
                        row.add(cell);
                    }
                    if (columns == null) {
                        columns = List.copyOf(row);
                    } else {
                        batches.add(batches.normalizer.fromCsv(columns, row));
                    }
                }
            }
            columns = null;
        }
        return batches.last();
    }

    /** NDJSON batches of the normalized records, as the engine's task thread writes them. */
    private static final class Batches {

        private final RecordNormalizer normalizer;
        private final int incremental;
        private NdjsonBatch batch = new NdjsonBatch();
        private byte[] last;
        private long newest;
        private int done;

        Batches(SObjectDescribe describe) {
            normalizer = new RecordNormalizer(describe, HEADER);
            incremental = normalizer.indexOf("SystemModstamp");
        }

        void add(NormalizedRecord record) {
            newest += record.text(incremental).length();
            batch.add(record);
            done++;
            if (batch.isFull(BATCH_RECORDS, 8 << 20)) {
                last = batch.toBytes();
                batch = new NdjsonBatch();
            }
        }

        byte[] last() {
            if (newest == 0) {
                throw new IllegalStateException("no incremental values");
            }
            return last;
        }
    }

    /** What the same rows cost to deflate (at the fastest level, as the emulator does) and to inflate. */
    private static void gzipForScale(byte[] csv, int records, OperatingSystemMXBean process) throws IOException {
        long t0 = process.getProcessCpuTime();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(csv);
        }
        long t1 = process.getProcessCpuTime();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.toByteArray()), 1 << 16)) {
            while (in.read(buffer) > 0) {
                // only the time counts
            }
        }
        long t2 = process.getProcessCpuTime();
        double scale = (double) records / DISTINCT_ROWS;
        System.out.printf("for scale, gzip of the same rows at level 1: deflate %.2f CPU-s, inflate %.2f CPU-s per %d records%n",
                (t1 - t0) / 1e9 * scale, (t2 - t1) / 1e9 * scale, records);
    }

    static byte[] accountCsv(Random random) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (int i = 0; i < DISTINCT_ROWS; i++) {
            List<String> row = new ArrayList<>();
            row.add(id("001", i));
            row.add(Boolean.toString(random.nextInt(50) == 0));
            row.add(words(random, 3) + " " + (i + 1));
            row.add(random.nextInt(3) == 0 ? id("001", random.nextInt(DISTINCT_ROWS)) : "");
            row.add(random.nextBoolean() ? "Customer - Direct" : "Prospect");
            row.add(random.nextInt(9) == 0 ? "" : "Technology");
            row.add(random.nextInt(10) == 0 ? "" : "Springfield");
            row.add("(" + (200 + random.nextInt(700)) + ") 555-" + (1000 + random.nextInt(9000)));
            row.add("https://www." + WORDS[random.nextInt(4)] + ".example");
            row.add(random.nextInt(5) == 0 ? "" : Long.toString(random.nextInt(5000) * 10_000L));
            row.add(Integer.toString(1 + random.nextInt(20_000)));
            row.add(random.nextInt(4) == 0 ? "" : words(random, 40));
            row.add(id("005", random.nextInt(1000)));
            row.add(dateTime(random));
            row.add(id("005", random.nextInt(1000)));
            row.add(dateTime(random));
            row.add(id("005", random.nextInt(1000)));
            row.add(dateTime(random));
            for (int f = 0; f < row.size(); f++) {
                // as Bulk API 2.0 writes them: every value quoted, null as an empty cell
                String value = row.get(f);
                csv.append(f == 0 ? "" : ",").append(value.isEmpty() ? "" : "\"" + value.replace("\"", "\"\"") + "\"");
            }
            csv.append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String id(String prefix, int n) {
        return prefix + "5g00000" + String.format("%05d", n % 100_000) + "AAA".substring(0, 3);
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(random.nextInt(10) == 0 ? WORDS.length : 13)]);
        }
        return text.toString();
    }

    private static String dateTime(Random random) {
        return String.format("20%02d-%02d-%02dT%02d:%02d:%02d.%03dZ", 10 + random.nextInt(16), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000));
    }

    static SObjectDescribe describe() {
        List<FieldDescribe> fields = new ArrayList<>();
        for (String name : HEADER) {
            String type = switch (name) {
                case "Id" -> "id";
                case "IsDeleted" -> "boolean";
                case "ParentId", "OwnerId", "CreatedById", "LastModifiedById" -> "reference";
                case "Type", "Industry" -> "picklist";
                case "Phone" -> "phone";
                case "Website" -> "url";
                case "AnnualRevenue" -> "currency";
                case "NumberOfEmployees" -> "int";
                case "Description" -> "textarea";
                case "CreatedDate", "LastModifiedDate", "SystemModstamp" -> "datetime";
                default -> "string";
            };
            fields.add(new FieldDescribe(name, name, type, 0, true, true, true, false, false, false, List.of(), null));
        }
        return new SObjectDescribe("Account", "Account", false, true, true, true, true, true, fields);
    }
}
