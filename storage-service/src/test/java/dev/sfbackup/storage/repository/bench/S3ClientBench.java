package dev.sfbackup.storage.repository.bench;

import dev.sfbackup.common.crypto.SecretBox;
import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.backend.Content;
import dev.sfbackup.storage.repository.backend.HandSignedS3Backend;
import dev.sfbackup.storage.repository.backend.InProcessS3Server;
import dev.sfbackup.storage.repository.backend.S3Backend;
import dev.sfbackup.storage.repository.backend.S3Settings;
import dev.sfbackup.storage.repository.format.ContentRepository;
import dev.sfbackup.storage.repository.format.ContentRepository.StoredContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;

/**
 * The hand-written SigV4 client against the AWS SDK client, in the same run, over the same in-process S3 server
 * (S3Proxy): raw backend uploads and ranged downloads of pack-sized objects, and a whole repository store + verified
 * read. Rounds alternate the two clients; the median of each is printed with the ratio SDK / hand-written.
 * <pre>
 * ./mvnw -q -B test-compile -pl storage-service
 * ./mvnw -q -B dependency:build-classpath -pl storage-service -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx3g -cp storage-service/target/classes:storage-service/target/test-classes:$(cat /tmp/cp.txt) \
 *   dev.sfbackup.storage.repository.bench.S3ClientBench [MiB per round, default 256] [rounds, default 5]
 * </pre>
 */
public final class S3ClientBench {

    private static final SecretBox KEY = SecretBox.fromBase64Key(Base64.getEncoder().encodeToString(new byte[32]));
    private static final int OBJECT_SIZE = 8 << 20;

    private S3ClientBench() {
    }

    private record Client(String name, Function<S3Settings, Backend> open) {
    }

    private record Round(double putMiBps, double getMiBps, double storeMiBps, double readMiBps) {
    }

    public static void main(String[] args) throws Exception {
        // no configuration means DEBUG everywhere: Apache HttpClient would format every byte on the wire into its log
        LogContext.getLogContext().getLogger("").setLevel(Level.INFO);
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Client> clients = List.of(new Client("hand-written SigV4", HandSignedS3Backend::new),
                new Client("AWS SDK v2", S3Backend::new));
        Path work = Files.createTempDirectory("s3-client-bench");
        try (InProcessS3Server server = new InProcessS3Server()) {
            List<List<Round>> results = List.of(new ArrayList<>(), new ArrayList<>());
            for (int round = 0; round <= rounds; round++) {
                for (int c = 0; c < clients.size(); c++) {
                    Round measured = round(server, clients.get(c), mebibytes, work.resolve("spool-" + round + "-" + c));
                    System.out.printf("round %d %-20s %s%n", round, clients.get(c).name(), measured);
                    if (round > 0) { // round 0 warms up both JITs and connection pools
                        results.get(c).add(measured);
                    }
                }
            }
            System.out.printf("%d MiB per round, %d rounds (medians, MiB/s)%n", mebibytes, rounds);
            System.out.printf("%-20s %10s %10s %12s %12s%n", "client", "put", "get", "repo store", "repo read");
            for (int c = 0; c < clients.size(); c++) {
                Round median = median(results.get(c));
                System.out.printf("%-20s %10.1f %10.1f %12.1f %12.1f%n", clients.get(c).name(), median.putMiBps(),
                        median.getMiBps(), median.storeMiBps(), median.readMiBps());
            }
            Round hand = median(results.get(0));
            Round sdk = median(results.get(1));
            System.out.printf("%-20s %10.2f %10.2f %12.2f %12.2f%n", "ratio SDK/hand", sdk.putMiBps() / hand.putMiBps(),
                    sdk.getMiBps() / hand.getMiBps(), sdk.storeMiBps() / hand.storeMiBps(), sdk.readMiBps() / hand.readMiBps());
        }
    }

    private static Round round(InProcessS3Server server, Client client, int mebibytes, Path spool) throws IOException {
        String bucket = "bench-" + System.nanoTime();
        server.createBucket(bucket);
        try (Backend backend = client.open().apply(server.settings(bucket, "bench"))) {
            byte[] object = new byte[OBJECT_SIZE];
            new Random(7).nextBytes(object);
            int objects = Math.max(1, (mebibytes << 20) / OBJECT_SIZE);
            long start = System.nanoTime();
            for (int i = 0; i < objects; i++) {
                backend.put("data/" + i, Content.ofBytes(object));
            }
            double put = mibPerSecond((long) objects * OBJECT_SIZE, start);
            start = System.nanoTime();
            long read = 0;
            for (int i = 0; i < objects; i++) {
                try (InputStream in = backend.get("data/" + i, 1024, OBJECT_SIZE - 2048)) {
                    read += in.transferTo(OutputStream.nullOutputStream());
                }
            }
            double get = mibPerSecond(read, start);

            long size = (long) mebibytes << 20;
            try (ContentRepository repository = ContentRepository.initOrOpen(backend, KEY, spool, ContentRepository.DEFAULT_PACK_TARGET)) {
                start = System.nanoTime();
                StoredContent stored = repository.store(generated(size), recorded -> { });
                double store = mibPerSecond(size, start);
                start = System.nanoTime();
                long back;
                try (InputStream in = repository.readVerified(stored.manifest().chunks(), size, stored.manifest().sha256())) {
                    back = in.transferTo(OutputStream.nullOutputStream());
                }
                double readBack = mibPerSecond(back, start);
                if (back != size) {
                    throw new IllegalStateException(client.name() + " read back " + back + " of " + size + " bytes");
                }
                return new Round(put, get, store, readBack);
            }
        } finally {
            server.deleteBucket(bucket);
        }
    }

    private static double mibPerSecond(long bytes, long startNanos) {
        return bytes / 1048576.0 / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static Round median(List<Round> rounds) {
        return new Round(median(rounds, Round::putMiBps), median(rounds, Round::getMiBps), median(rounds, Round::storeMiBps),
                median(rounds, Round::readMiBps));
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> field) {
        List<Double> values = rounds.stream().map(field::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
        return values.get(values.size() / 2);
    }

    /** Pseudo-random content, alternating incompressible and very compressible MiBs, different each round. */
    private static InputStream generated(long size) {
        Random random = new Random(System.nanoTime());
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - position);
                for (int i = 0; i < n; i++) {
                    long p = position + i;
                    buffer[offset + i] = (p >> 20) % 2 == 0 ? (byte) random.nextInt() : (byte) ('a' + p % 23);
                }
                position += n;
                return n;
            }
        };
    }
}
