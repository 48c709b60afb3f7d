package dev.sfbackup.storage.repository.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendDecoratorsTest {

    @TempDir
    Path directory;

    @Test
    void retryRecoversFromTransientFailures() throws IOException {
        FaultInjectingBackend faulty = new FaultInjectingBackend(new LocalBackend(directory), 0);
        Backend retrying = new RetryingBackend(faulty, 3, Duration.ofMillis(1), Duration.ofMillis(5));
        retrying.putBytes("x", new byte[]{1, 2, 3});
        faulty.failNext(new BackendException("flaky network"));
        assertArrayEquals(new byte[]{1, 2, 3}, retrying.readAll("x"));
    }

    @Test
    void retryNeverRetriesPermanentErrors() {
        FaultInjectingBackend faulty = new FaultInjectingBackend(new LocalBackend(directory), 0);
        Backend retrying = new RetryingBackend(faulty, 5, Duration.ofMillis(1), Duration.ofMillis(5));
        assertThrows(BackendException.NotFound.class, () -> retrying.stat("missing"));
        assertEquals(1, faulty.calls());
        faulty.failNext(new BackendException.Permanent("403 AccessDenied"));
        assertThrows(BackendException.Permanent.class, () -> retrying.stat("missing"));
        assertEquals(2, faulty.calls());
    }

    @Test
    void retryGivesUpAfterMaxAttempts() {
        FaultInjectingBackend faulty = new FaultInjectingBackend(new LocalBackend(directory), 0);
        faulty.setDown(true);
        Backend retrying = new RetryingBackend(faulty, 4, Duration.ofMillis(1), Duration.ofMillis(2));
        assertThrows(BackendException.class, () -> retrying.list(""));
        assertEquals(4, faulty.calls());
    }

    @Test
    void limitCapsConcurrentCalls() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        Backend counting = new Backend() {
            @Override
            public void put(String name, Content content) {
            }

            @Override
            public InputStream get(String name, long offset, long length) {
                return InputStream.nullInputStream();
            }

            @Override
            public long stat(String name) throws IOException {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                } finally {
                    inFlight.decrementAndGet();
                }
                return 0;
            }

            @Override
            public List<ObjectInfo> list(String prefix) {
                return List.of();
            }

            @Override
            public void delete(String name) {
            }

            @Override
            public String describe() {
                return "counting";
            }
        };
        Backend limited = new LimitedBackend(counting, 2);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return limited.stat("x");
                }));
            }
            start.countDown();
            for (Future<Long> result : results) {
                result.get();
            }
        }
        assertEquals(2, maxInFlight.get());
    }

    @Test
    void stallTimeoutFailsAHungCallAsTransient() {
        Backend hung = new Backend() {
            @Override
            public void put(String name, Content content) {
            }

            @Override
            public InputStream get(String name, long offset, long length) {
                return InputStream.nullInputStream();
            }

            @Override
            public long stat(String name) throws IOException {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    throw new IOException("interrupted");
                }
                return 0;
            }

            @Override
            public List<ObjectInfo> list(String prefix) {
                return List.of();
            }

            @Override
            public void delete(String name) {
            }

            @Override
            public String describe() {
                return "hung";
            }
        };
        Backend guarded = new StallTimeoutBackend(hung, Duration.ofMillis(200));
        long start = System.nanoTime();
        BackendException error = assertThrows(BackendException.class, () -> guarded.stat("x"));
        assertTrue(error.getMessage().contains("stalled"));
        assertTrue(!BackendException.isPermanent(error));
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }
}
