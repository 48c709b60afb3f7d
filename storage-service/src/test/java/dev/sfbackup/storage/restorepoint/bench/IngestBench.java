package dev.sfbackup.storage.restorepoint.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Record store benchmark: N realistic Account records (about 1 KB, 19 fields, canonical as session-service sends them) through the HTTP ingest path of a running
 * storage-service into an INITIAL point, then (after a VACUUM ANALYZE, as autovacuum runs after a large insert, long
 * before the next run) 1% of them changed into an INCREMENTAL point, next to a raw PostgreSQL COPY of the same rows
 * into a jsonb table with a primary key, measured in the same run against the same cluster:
 * ingest time, bytes per stored version against the jsonb table's bytes per row ({@code pg_total_relation_size}),
 * and the point-in-time read of all records (NDJSON and CSV, the latest point and the initial one with the changed
 * versions above it) against {@code COPY (SELECT record FROM bench_raw) TO STDOUT}.
 *
 * <p>{@code storage-service/bench/records-bench.sh [records]} builds the service, starts it on the worktree's private
 * cluster with a 256 MiB heap and runs this class. By hand (from the project root; needs only the JDK and the
 * PostgreSQL driver):
 * <pre>
 * ./mvnw -q -B package -DskipTests -pl storage-service
 * deploy/local/postgres.sh start
 * psql -h 127.0.0.1 -p 25432 -U postgres -c 'DROP DATABASE IF EXISTS storage_bench' -c 'CREATE DATABASE storage_bench'
 * deploy/local/token.sh --keygen
 * BACKUP_DB_NAME=storage_bench QUARKUS_HTTP_PORT=8093 QUARKUS_OIDC_PUBLIC_KEY=$(cat .local/secrets/signing-key.pub) \
 *   QUARKUS_OIDC_TOKEN_ISSUER=sfbackup-local java -jar storage-service/target/quarkus-app/quarkus-run.jar &amp;
 * export SFBACKUP_TOKEN=$(deploy/local/token.sh session-service)
 * java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.10/postgresql-42.7.10.jar \
 *   storage-service/src/test/java/dev/sfbackup/storage/restorepoint/bench/IngestBench.java \
 *   http://localhost:8093 jdbc:postgresql://127.0.0.1:25432/storage_bench 1000000 10000 1
 * </pre>
 * Arguments: service URL, JDBC URL of the service's (fresh) database, records, records per batch, parallel batches.
 * SFBACKUP_TOKEN: session-service's token, the only one storage takes ingest calls from.
 */
public final class IngestBench {

    private static final String[] WORDS = ("account renewal pipeline quarterly contract partner discount region support "
            + "premium onboarding invoice shipment warehouse escalation forecast budget approval territory channel "
            + "migration integration license subscription analytics dashboard campaign webinar priority").split(" ");
    private static final String[] INDUSTRIES = {"Banking", "Retail", "Energy", "Healthcare", "Technology", "Media", "Insurance"};
    private static final String[] CITIES = {"Paris", "Berlin", "Austin", "Osaka", "Lyon", "Toronto", "Madrid", "Denver"};

    private static final String BEARER = "Bearer " + System.getenv().getOrDefault("SFBACKUP_TOKEN", "");

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        String service = args.length > 0 ? args[0] : "http://localhost:8093";
        String jdbc = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:25432/storage_bench";
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int parallel = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        UUID policy = UUID.randomUUID();

        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            double rawSeconds = rawCopy(db, records);
            long rawBytes = size(db, "bench_raw");

            String initial = open(http, service, policy, "INITIAL");
            long start = System.nanoTime();
            send(http, service, initial, 0, records, batchSize, parallel, 0);
            commit(http, service, initial);
            double initialSeconds = (System.nanoTime() - start) / 1e9;
            long storedBytes = size(db, "record_version");
            long versions = count(db, "record_version");
            // as autovacuum does after a large insert, long before the next scheduled (incremental) run
            try (Statement vacuum = db.createStatement()) {
                vacuum.execute("VACUUM ANALYZE record_version");
            }

            String incremental = open(http, service, policy, "INCREMENTAL");
            start = System.nanoTime();
            int changed = sendChanged(http, service, incremental, records, batchSize);
            commit(http, service, incremental);
            double incrementalSeconds = (System.nanoTime() - start) / 1e9;

            double copyOutSeconds = copyOut(db);
            read(http, service, policy, incremental, "ndjson", "warm-up"); // the first read pays for JIT and cold caches
            Read latestNdjson = read(http, service, policy, incremental, "ndjson", "latest");
            Read oldNdjson = read(http, service, policy, initial, "ndjson", "old point");
            Read latestCsv = read(http, service, policy, incremental, "csv", "latest");
            Read oldCsv = read(http, service, policy, initial, "csv", "old point");

            double rawRate = records / rawSeconds;
            double initialRate = records / initialSeconds;
            System.out.printf("records                    %,d (about %d bytes of JSON each)%n", records, line(0, 0).length);
            System.out.printf("raw COPY (indexed table)   %,.0f records/s  (%.1f s)%n", rawRate, rawSeconds);
            System.out.printf("HTTP ingest, INITIAL       %,.0f records/s  (%.1f s, %d batch(es) in parallel)  = %.2f x raw COPY%n",
                    initialRate, initialSeconds, parallel, initialRate / rawRate);
            System.out.printf("HTTP ingest, INCREMENTAL   %,d changed records in %.2f s = %,.0f records/s; %.2f%% of the initial time for %.2f%% of the records%n",
                    changed, incrementalSeconds, changed / incrementalSeconds, 100 * incrementalSeconds / initialSeconds,
                    100.0 * changed / records);
            System.out.printf("bytes per row, raw COPY    %,.0f (jsonb table + index + toast)%n", (double) rawBytes / records);
            System.out.printf("bytes per record version   %,.0f (%,d versions after INITIAL)  = %.2f x raw COPY%n",
                    (double) storedBytes / versions, versions, ((double) storedBytes / versions) / ((double) rawBytes / records));
            double copyOutRate = records / copyOutSeconds;
            System.out.printf("COPY TO (jsonb as NDJSON)  %,.0f records/s  (%.1f s)%n", copyOutRate, copyOutSeconds);
            for (Read read : new Read[] {latestNdjson, oldNdjson, latestCsv, oldCsv}) {
                System.out.printf("read %-21s %,.0f records/s  (%.1f s, %,d lines)  = %.2f x COPY TO%n", read.what(),
                        read.lines() / read.seconds(), read.seconds(), read.lines(), (read.lines() / read.seconds()) / copyOutRate);
            }
            System.out.printf("CSV time / NDJSON time     %.2f (latest point), %.2f (old point)%n",
                    latestCsv.seconds() / latestNdjson.seconds(), oldCsv.seconds() / oldNdjson.seconds());
        }
    }

    record Read(String what, double seconds, long lines) {
    }

    /** All records of the object as of the point, counted by line as they arrive (CSV: its header line too). */
    private static Read read(HttpClient http, String service, UUID policy, String point, String format, String which)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(service
                + "/api/v1/objects/Account/records?policyId=" + policy + "&at=" + point + "&format=" + format))
                .header("Authorization", BEARER).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("read failed: " + response.statusCode() + " " + new String(response.body().readAllBytes()));
        }
        long lines = countLines(response.body());
        return new Read(format + " " + which, (System.nanoTime() - start) / 1e9, lines);
    }

    private static long countLines(java.io.InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long lines = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    /** PostgreSQL's own export of the same rows: every jsonb record as one line of text. */
    private static double copyOut(Connection db) throws SQLException, IOException {
        long start = System.nanoTime();
        long[] lines = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n') {
                    lines[0]++;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n') {
                        lines[0]++;
                    }
                }
            }
        };
        new org.postgresql.copy.CopyManager(db.unwrap(org.postgresql.core.BaseConnection.class))
                .copyOut("COPY (SELECT record FROM bench_raw) TO STDOUT", counter);
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Record i, version v: deterministic, so the raw COPY and the HTTP ingest store the same rows; in canonical form
     * (keys sorted, no attributes, date-times in UTC milliseconds), as session-service sends records.
     */
    public static byte[] line(int i, int v) {
        SplittableRandom random = new SplittableRandom(i * 31L + v);
        StringBuilder description = new StringBuilder(560);
        while (description.length() < 520) {
            description.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        String id = String.format("001%015d", i);
        String second = Instant.ofEpochSecond(1_767_225_600L + i + v * 86_400L).toString();
        String modified = second.substring(0, second.length() - 1) + ".000Z";
        String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
        String phone = "+1 555 " + (1000 + random.nextInt(9000));
        String street = (1 + random.nextInt(999)) + " Main Street";
        String city = CITIES[random.nextInt(CITIES.length)];
        String postalCode = String.valueOf(10000 + random.nextInt(89999));
        int revenue = random.nextInt(1_000_000_000);
        int employees = random.nextInt(100_000);
        String owner = "005000000000" + String.format("%03d", random.nextInt(1000)) + "AAA";
        String json = "{\"AnnualRevenue\":" + revenue + ",\"BillingCity\":\"" + city + "\",\"BillingCountry\":\"US\","
                + "\"BillingPostalCode\":\"" + postalCode + "\",\"BillingStreet\":\"" + street + "\","
                + "\"CreatedDate\":\"2026-01-01T00:00:00.000Z\",\"Description\":\"" + description.toString().trim() + "\","
                + "\"Id\":\"" + id + "\",\"Industry\":\"" + industry + "\",\"IsDeleted\":false,"
                + "\"LastModifiedDate\":\"" + modified + "\",\"Name\":\"Company " + i + (v > 0 ? " v" + v : "") + "\","
                + "\"NumberOfEmployees\":" + employees + ",\"OwnerId\":\"" + owner + "\",\"Phone\":\"" + phone + "\","
                + "\"Rating\":\"Warm\",\"SystemModstamp\":\"" + modified + "\",\"Type\":\"Customer - Direct\","
                + "\"Website\":\"https://company" + i + ".example.com\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The describe the points are opened with: the fields of {@link #line}, so ingest checks every key against it. */
    public static String describe() {
        StringBuilder fields = new StringBuilder();
        for (String name : ("AnnualRevenue BillingCity BillingCountry BillingPostalCode BillingStreet CreatedDate Description Id"
                + " Industry IsDeleted LastModifiedDate Name NumberOfEmployees OwnerId Phone Rating SystemModstamp Type Website").split(" ")) {
            fields.append(fields.isEmpty() ? "" : ",").append("{\"name\":\"").append(name).append("\"}");
        }
        return "{\"name\":\"Account\",\"fields\":[" + fields + "]}";
    }

    private static double rawCopy(Connection db, int records) throws SQLException, IOException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw");
            s.execute("CREATE TABLE bench_raw (id text PRIMARY KEY, record jsonb NOT NULL)");
        }
        long start = System.nanoTime();
        try (OutputStream copy = new PGCopyOutputStream(db.unwrap(PGConnection.class), "COPY bench_raw FROM STDIN", 1 << 16)) {
            for (int i = 0; i < records; i++) {
                copy.write(String.format("001%015d", i).getBytes(StandardCharsets.US_ASCII));
                copy.write('\t');
                copy.write(line(i, 0)); // the generated JSON holds no tab, newline or backslash
                copy.write('\n');
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void send(HttpClient http, String service, String point, int from, int to, int batchSize, int parallel,
            int version) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            java.util.List<Future<?>> batches = new java.util.ArrayList<>();
            for (int first = from, seq = 1; first < to; first += batchSize, seq++) {
                int start = first;
                int end = Math.min(to, first + batchSize);
                int batchSeq = seq;
                batches.add(pool.submit(() -> {
                    ByteArrayOutputStream body = new ByteArrayOutputStream((end - start) * 1100);
                    for (int i = start; i < end; i++) {
                        body.writeBytes(line(i, version));
                        body.write('\n');
                    }
                    put(http, service, point, batchSeq, body.toByteArray());
                    return null;
                }));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Every hundredth record changed, sent as an incremental read would: only the changed ones. */
    private static int sendChanged(HttpClient http, String service, String point, int records, int batchSize) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int changed = 0;
        int seq = 1;
        for (int i = 0; i < records; i += 100) {
            body.writeBytes(line(i, 1));
            body.write('\n');
            if (++changed % batchSize == 0) {
                put(http, service, point, seq++, body.toByteArray());
                body.reset();
            }
        }
        if (body.size() > 0) {
            put(http, service, point, seq, body.toByteArray());
        }
        return changed;
    }

    private static void put(HttpClient http, String service, String point, int seq, byte[] body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/restore-points/" + point + "/batches/" + seq))
                .header("Authorization", BEARER).header("Content-Type", "application/x-ndjson").PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("batch " + seq + " failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static String open(HttpClient http, String service, UUID policy, String kind) throws Exception {
        String body = "{\"policyId\":\"" + policy + "\",\"sessionId\":\"" + UUID.randomUUID()
                + "\",\"orgId\":\"00D000000000001EAA\",\"object\":\"Account\",\"kind\":\"" + kind + "\",\"schema\":" + describe() + "}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/restore-points"))
                .header("Authorization", BEARER).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("open failed: " + response.statusCode() + " " + response.body());
        }
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return id.group(1);
    }

    private static void commit(HttpClient http, String service, String point) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/restore-points/" + point + "/commit"))
                .header("Authorization", BEARER).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("commit failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static long size(Connection db, String table) throws SQLException {
        return single(db, "SELECT pg_total_relation_size('" + table + "')");
    }

    private static long count(Connection db, String table) throws SQLException {
        return single(db, "SELECT count(*) FROM " + table);
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
