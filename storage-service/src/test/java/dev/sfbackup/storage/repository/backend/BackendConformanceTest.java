package dev.sfbackup.storage.repository.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one contract every backend (and every decorator stack) must keep. Subclasses only say how to build the backend. */
public abstract class BackendConformanceTest {

    protected Backend backend;

    protected abstract Backend newBackend() throws Exception;

    @BeforeEach
    void createBackend() throws Exception {
        backend = newBackend();
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void storedObjectReadsBackIdentically() throws IOException {
        byte[] content = randomBytes(3 * 1024 * 1024 + 17, 1);
        backend.putBytes("data/ab/object-1", content);
        assertArrayEquals(content, backend.readAll("data/ab/object-1"));
        assertEquals(content.length, backend.stat("data/ab/object-1"));
    }

    @Test
    void emptyObjectIsStoredAndRead() throws IOException {
        backend.putBytes("empty", new byte[0]);
        assertEquals(0, backend.stat("empty"));
        assertArrayEquals(new byte[0], backend.readAll("empty"));
    }

    @Test
    void rangeReadReturnsExactlyTheRequestedBytes() throws IOException {
        byte[] content = randomBytes(100_000, 2);
        backend.putBytes("ranged", content);
        try (InputStream in = backend.get("ranged", 1234, 5000)) {
            assertArrayEquals(Arrays.copyOfRange(content, 1234, 6234), in.readAllBytes());
        }
        try (InputStream in = backend.get("ranged", 99_990, -1)) {
            assertArrayEquals(Arrays.copyOfRange(content, 99_990, 100_000), in.readAllBytes());
        }
    }

    @Test
    void missingObjectIsNotFoundAndPermanent() {
        BackendException.NotFound stat = assertThrows(BackendException.NotFound.class, () -> backend.stat("nope/missing"));
        assertTrue(BackendException.isPermanent(stat));
        assertThrows(BackendException.NotFound.class, () -> backend.readAll("nope/missing"));
    }

    @Test
    void listReturnsObjectsUnderPrefixWithSizes() throws IOException {
        backend.putBytes("index/one", new byte[10]);
        backend.putBytes("index/two", new byte[20]);
        backend.putBytes("data/00/three", new byte[30]);
        Set<String> listed = backend.list("index/").stream().map(o -> o.name() + "=" + o.size()).collect(Collectors.toSet());
        assertEquals(Set.of("index/one=10", "index/two=20"), listed);
        assertEquals(3, backend.list("").size());
    }

    @Test
    void deleteRemovesObjectAndDeletingAgainIsFine() throws IOException {
        backend.putBytes("gone", new byte[5]);
        backend.delete("gone");
        assertThrows(BackendException.NotFound.class, () -> backend.stat("gone"));
        backend.delete("gone");
        assertTrue(backend.list("gone").isEmpty());
    }

    @Test
    void largeObjectIsStreamedFromContent() throws IOException {
        long size = 24L * 1024 * 1024;
        Content generated = new Content() {
            @Override
            public InputStream open() {
                return new InputStream() {
                    private long position;

                    @Override
                    public int read() {
                        return position < size ? (int) (position++ % 251) : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (position >= size) {
                            return -1;
                        }
                        int n = (int) Math.min(len, size - position);
                        for (int i = 0; i < n; i++) {
                            b[off + i] = (byte) (position++ % 251);
                        }
                        return n;
                    }
                };
            }

            @Override
            public long length() {
                return size;
            }
        };
        backend.put("big", generated);
        assertEquals(size, backend.stat("big"));
        try (InputStream in = backend.get("big", size - 3, 3)) {
            byte[] tail = in.readAllBytes();
            assertEquals(3, tail.length);
            assertEquals((byte) ((size - 1) % 251), tail[2]);
        }
    }
}
