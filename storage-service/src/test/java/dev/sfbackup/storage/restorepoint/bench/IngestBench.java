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
 * Ingest benchmark: N realistic Account records (about 1 KB, 19 fields) through the HTTP ingest path of a running
 * storage-service into an INITIAL point, then 1% of them changed into an INCREMENTAL point, next to a raw PostgreSQL
 * COPY of the same rows into a table with a primary key, measured in the same run against the same cluster.
 *
 * <p>Run (from the project root; needs only the JDK and the PostgreSQL driver):
 * <pre>
 * ./mvnw -q -B package -DskipTests -pl storage-service
 * deploy/local/postgres.sh start
 * psql -h 127.0.0.1 -p 55432 -U postgres -c 'DROP DATABASE IF EXISTS storage_bench' -c 'CREATE DATABASE storage_bench'
 * deploy/local/token.sh --keygen
 * BACKUP_DB_NAME=storage_bench QUARKUS_HTTP_PORT=8093 QUARKUS_OIDC_PUBLIC_KEY=$(cat .local/secrets/signing-key.pub) \
 *   QUARKUS_OIDC_TOKEN_ISSUER=sfbackup-local java -jar storage-service/target/quarkus-app/quarkus-run.jar &amp;
 * export SFBACKUP_TOKEN=$(deploy/local/token.sh session-service)
 * java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.10/postgresql-42.7.10.jar \
 *   storage-service/src/test/java/dev/sfbackup/storage/restorepoint/bench/IngestBench.java \
 *   http://localhost:8093 jdbc:postgresql://127.0.0.1:55432/storage_bench 1000000 10000 1
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
        String jdbc = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:55432/storage_bench";
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

            String incremental = open(http, service, policy, "INCREMENTAL");
            start = System.nanoTime();
            int changed = sendChanged(http, service, incremental, records, batchSize);
            commit(http, service, incremental);
            double incrementalSeconds = (System.nanoTime() - start) / 1e9;

            double rawRate = records / rawSeconds;
            double initialRate = records / initialSeconds;
            System.out.printf("records                    %,d (about %d bytes of JSON each)%n", records, line(0, 0).length);
            System.out.printf("raw COPY (indexed table)   %,.0f records/s  (%.1f s)%n", rawRate, rawSeconds);
            System.out.printf("HTTP ingest, INITIAL       %,.0f records/s  (%.1f s, %d batch(es) in parallel)  = %.2f x raw COPY%n",
                    initialRate, initialSeconds, parallel, initialRate / rawRate);
            System.out.printf("HTTP ingest, INCREMENTAL   %,d changed records in %.2f s = %,.0f records/s; %.2f%% of the initial time for %.2f%% of the records%n",
                    changed, incrementalSeconds, changed / incrementalSeconds, 100 * incrementalSeconds / initialSeconds,
                    100.0 * changed / records);
            System.out.printf("bytes per row, raw COPY    %,.0f (table + index + toast)%n", (double) rawBytes / records);
            System.out.printf("bytes per record version   %,.0f (%,d versions after INITIAL)  = %.2f x raw COPY%n",
                    (double) storedBytes / versions, versions, ((double) storedBytes / versions) / ((double) rawBytes / records));
        }
    }

    /** Record i, version v: deterministic, so the raw COPY and the HTTP ingest store the same rows. */
    static byte[] line(int i, int v) {
        SplittableRandom random = new SplittableRandom(i * 31L + v);
        StringBuilder description = new StringBuilder(560);
        while (description.length() < 520) {
            description.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        String id = String.format("001%015d", i);
        String modified = Instant.ofEpochSecond(1_767_225_600L + i + v * 86_400L) + "";
        String json = "{\"attributes\":{\"type\":\"Account\",\"url\":\"/services/data/v62.0/sobjects/Account/" + id + "\"},"
                + "\"Id\":\"" + id + "\",\"Name\":\"Company " + i + (v > 0 ? " v" + v : "") + "\","
                + "\"Industry\":\"" + INDUSTRIES[random.nextInt(INDUSTRIES.length)] + "\",\"Type\":\"Customer - Direct\","
                + "\"Phone\":\"+1 555 " + (1000 + random.nextInt(9000)) + "\",\"Website\":\"https://company" + i + ".example.com\","
                + "\"BillingStreet\":\"" + (1 + random.nextInt(999)) + " Main Street\",\"BillingCity\":\""
                + CITIES[random.nextInt(CITIES.length)] + "\",\"BillingPostalCode\":\"" + (10000 + random.nextInt(89999)) + "\","
                + "\"BillingCountry\":\"US\",\"AnnualRevenue\":" + random.nextInt(1_000_000_000) + ".0,"
                + "\"NumberOfEmployees\":" + random.nextInt(100_000) + ",\"Rating\":\"Warm\",\"IsDeleted\":false,"
                + "\"OwnerId\":\"005000000000" + String.format("%03d", random.nextInt(1000)) + "AAA\","
                + "\"CreatedDate\":\"2026-01-01T00:00:00.000+0000\",\"LastModifiedDate\":\"" + modified + "\","
                + "\"SystemModstamp\":\"" + modified + "\",\"Description\":\"" + description.toString().trim() + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static double rawCopy(Connection db, int records) throws SQLException, IOException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw");
            s.execute("CREATE TABLE bench_raw (id text PRIMARY KEY, record text NOT NULL)");
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
                + "\",\"orgId\":\"00D000000000001EAA\",\"object\":\"Account\",\"kind\":\"" + kind + "\"}";
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
