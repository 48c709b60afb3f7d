package dev.sfbackup.storage.repository.bench;

import dev.sfbackup.common.crypto.SecretBox;
import dev.sfbackup.storage.repository.backend.LocalBackend;
import dev.sfbackup.storage.repository.format.ContentRepository;
import dev.sfbackup.storage.repository.format.ContentRepository.StoredContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Bench main for the repository format (used by storage-service/bench/files-bench.sh).
 * <pre>
 *   backup &lt;repositoryDir&gt; &lt;dataDir&gt;   store every file under dataDir; prints seconds, bytes read, new bytes
 *   stream &lt;repositoryDir&gt; &lt;gibibytes&gt; store a generated file of that size and read it back verified (run with -Xmx256m)
 * </pre>
 */
public final class FilesBench {

    private static final SecretBox KEY = SecretBox.fromBase64Key(Base64.getEncoder().encodeToString(new byte[32]));

    private FilesBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repositoryDir = Path.of(args[1]);
        Path spool = repositoryDir.resolveSibling(repositoryDir.getFileName() + "-spool");
        try (ContentRepository repository = ContentRepository.initOrOpen(new LocalBackend(repositoryDir), KEY, spool,
                ContentRepository.DEFAULT_PACK_TARGET)) {
            switch (args[0]) {
                case "backup" -> backup(repository, Path.of(args[2]));
                case "stream" -> stream(repository, Double.parseDouble(args[2]));
                default -> throw new IllegalArgumentException("usage: backup <repo> <dir> | stream <repo> <GiB>");
            }
        }
    }

    private static void backup(ContentRepository repository, Path data) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        long start = System.nanoTime();
        long read = 0;
        long fresh = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                StoredContent stored = repository.store(in, s -> { });
                read += stored.manifest().size();
                fresh += stored.newBytes();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("files=%d bytes=%d newBytes=%d seconds=%.2f MiBps=%.1f%n", files.size(), read, fresh, seconds,
                read / 1048576.0 / seconds);
    }

    private static void stream(ContentRepository repository, double gibibytes) throws IOException {
        long size = (long) (gibibytes * 1024 * 1024 * 1024);
        long start = System.nanoTime();
        StoredContent stored = repository.store(generated(size), s -> { });
        double storeSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        long readBack;
        try (InputStream in = repository.readVerified(stored.manifest().chunks(), stored.manifest().size(), stored.manifest().sha256())) {
            readBack = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        double readSeconds = (System.nanoTime() - start) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("streamed size=%d chunks=%d stored in %.1fs, read back and verified %d bytes in %.1fs; maxHeap=%dMiB%n",
                size, stored.manifest().chunks().size(), storeSeconds, readBack, readSeconds, runtime.maxMemory() >> 20);
        if (readBack != size) {
            throw new IllegalStateException("read back " + readBack + " of " + size);
        }
    }

    /** Pseudo-random, half compressible content of any size, produced on the fly. */
    private static InputStream generated(long size) {
        return new InputStream() {
            private final Random random = new Random(42);
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
                    buffer[offset + i] = (p / (1 << 20)) % 2 == 0 ? (byte) random.nextInt() : (byte) ('a' + p % 23);
                }
                position += n;
                return n;
            }
        };
    }
}
