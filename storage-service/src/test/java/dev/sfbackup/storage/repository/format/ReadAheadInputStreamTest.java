package dev.sfbackup.storage.repository.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {

    private static final ExecutorService READERS = Executors.newCachedThreadPool();

    @AfterAll
    static void stopReaders() {
        READERS.shutdownNow();
    }

    @Test
    void deliversEveryByteInOrderAcrossBlocksWhateverTheReadSizes() throws IOException {
        byte[] data = new byte[1_000_003];
        new Random(3).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random sizes = new Random(4);
        try (ReadAheadInputStream in = new ReadAheadInputStream(new TrickleInputStream(data), 4096, 3, READERS)) {
            byte[] buffer = new byte[10_000];
            for (int n = in.read(buffer, 0, 1 + sizes.nextInt(buffer.length)); n >= 0; n = in.read(buffer, 0, 1 + sizes.nextInt(buffer.length))) {
                out.write(buffer, 0, n);
            }
            assertEquals(-1, in.read(), "end of stream stays the end");
        }
        assertArrayEquals(data, out.toByteArray());
    }

    @Test
    void anEmptySourceIsAnEmptyStream() throws IOException {
        try (ReadAheadInputStream in = new ReadAheadInputStream(new ByteArrayInputStream(new byte[0]), 4096, 2, READERS)) {
            assertEquals(-1, in.read(new byte[10], 0, 10));
        }
    }

    @Test
    void theSourcesErrorReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
        IOException failure = new IOException("client went away");
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served >= 10_000) {
                    throw failure;
                }
                int n = Math.min(len, 10_000 - served);
                served += n;
                return n;
            }
        };
        try (ReadAheadInputStream in = new ReadAheadInputStream(failing, 4096, 2, READERS)) {
            assertEquals(8192, in.readNBytes(8192).length);
            IOException thrown = assertThrows(IOException.class, () -> in.readNBytes(8192));
            assertSame(failure, thrown);
        }
    }

    @Test
    void closingStopsReadingAnEndlessSourceAndLeavesItOpen() throws IOException {
        AtomicLong served = new AtomicLong();
        boolean[] sourceClosed = {false};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served.addAndGet(len);
                return len;
            }

            @Override
            public void close() {
                sourceClosed[0] = true;
            }
        };
        ReadAheadInputStream in = new ReadAheadInputStream(endless, 4096, 2, READERS);
        in.readNBytes(5000);
        in.close();
        long afterClose = served.get();
        assertTrue(afterClose <= 5 * 4096, "reads at most the blocks in the queue ahead, read " + afterClose);
        assertEquals(afterClose, served.get(), "no read after close returned");
        assertFalse(sourceClosed[0], "the caller owns the source");
    }

    /** Returns at most 777 bytes a call, like a network stream. */
    private static final class TrickleInputStream extends ByteArrayInputStream {
        TrickleInputStream(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 777));
        }
    }
}
