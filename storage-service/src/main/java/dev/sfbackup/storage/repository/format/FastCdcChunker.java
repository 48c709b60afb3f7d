package dev.sfbackup.storage.repository.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * FastCDC content-defined chunking (Xia et al. 2016) with normalized chunking: a gear rolling hash cuts where the hash
 * matches a mask, a stricter mask before the average size and a looser one after it, within [min, max].
 * Reads the stream through one buffer of twice the maximum chunk size, so memory stays constant for any file size.
 */
public final class FastCdcChunker {

    public static final int MIN_SIZE = 256 * 1024;
    public static final int AVERAGE_SIZE = 1024 * 1024;
    public static final int MAX_SIZE = 4 * 1024 * 1024;
    private static final int AVERAGE_BITS = 20;
    private static final long MASK_SMALL = mask(AVERAGE_BITS + 2);
    private static final long MASK_LARGE = mask(AVERAGE_BITS - 2);

    private final InputStream in;
    private final long[] gear;
    private final byte[] buffer = new byte[2 * MAX_SIZE];
    private int start;
    private int end;
    private boolean eof;

    public FastCdcChunker(InputStream in, long[] gear) {
        this.in = in;
        this.gear = gear;
    }

    /** A view on the next chunk, valid until the next call. */
    public record Chunk(byte[] buffer, int offset, int length) {
    }

    /** @return the next chunk, or null at the end of the stream */
    public Chunk next() throws IOException {
        fill();
        int available = end - start;
        if (available == 0) {
            return null;
        }
        int length = cutPoint(start, available);
        Chunk chunk = new Chunk(buffer, start, length);
        start += length;
        return chunk;
    }

    private void fill() throws IOException {
        if (eof || end - start >= MAX_SIZE) {
            return;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end < buffer.length) {
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                eof = true;
                return;
            }
            end += n;
        }
    }

    private int cutPoint(int from, int available) {
        if (available <= MIN_SIZE) {
            return available;
        }
        int limit = Math.min(available, MAX_SIZE);
        int normal = Math.min(limit, AVERAGE_SIZE);
        long hash = 0;
        int i = MIN_SIZE;
        for (; i < normal; i++) {
            hash = (hash << 1) + gear[buffer[from + i] & 0xff];
            if ((hash & MASK_SMALL) == 0) {
                return i + 1;
            }
        }
        for (; i < limit; i++) {
            hash = (hash << 1) + gear[buffer[from + i] & 0xff];
            if ((hash & MASK_LARGE) == 0) {
                return i + 1;
            }
        }
        return limit;
    }

    /** The top {@code bits} bits: after 64 shifts they depend on the last 64 bytes only (the gear window). */
    private static long mask(int bits) {
        return -1L << (64 - bits);
    }
}
