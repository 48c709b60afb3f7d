package dev.sfbackup.storage.repository.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class FastCdcChunkerTest {

    private static final long[] GEAR = new RepositoryKeys(new byte[32], new byte[32], 42).gearTable();

    private static List<Long> chunkChecksums(byte[] data, List<Integer> sizes) throws IOException {
        FastCdcChunker chunker = new FastCdcChunker(new ByteArrayInputStream(data), GEAR);
        List<Long> sums = new ArrayList<>();
        for (FastCdcChunker.Chunk chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
            CRC32 crc = new CRC32();
            crc.update(chunk.buffer(), chunk.offset(), chunk.length());
            sums.add(crc.getValue());
            sizes.add(chunk.length());
        }
        return sums;
    }

    @Test
    void chunksStayWithinBoundsAndAverageAboutOneMebibyte() throws IOException {
        byte[] data = new byte[64 * 1024 * 1024];
        new Random(1).nextBytes(data);
        List<Integer> sizes = new ArrayList<>();
        chunkChecksums(data, sizes);
        assertEquals(data.length, sizes.stream().mapToLong(Integer::longValue).sum());
        for (int i = 0; i < sizes.size() - 1; i++) {
            assertTrue(sizes.get(i) >= FastCdcChunker.MIN_SIZE && sizes.get(i) <= FastCdcChunker.MAX_SIZE, "chunk " + i + ": " + sizes.get(i));
        }
        double average = (double) data.length / sizes.size();
        assertTrue(average > 0.6 * FastCdcChunker.AVERAGE_SIZE && average < 1.6 * FastCdcChunker.AVERAGE_SIZE, "average " + average);
    }

    @Test
    void insertingBytesNearTheStartKeepsLaterChunks() throws IOException {
        byte[] data = new byte[32 * 1024 * 1024];
        new Random(2).nextBytes(data);
        byte[] shifted = new byte[data.length + 7];
        System.arraycopy(data, 0, shifted, 0, 1000);
        System.arraycopy(data, 1000, shifted, 1007, data.length - 1000);
        Set<Long> before = new HashSet<>(chunkChecksums(data, new ArrayList<>()));
        List<Long> after = chunkChecksums(shifted, new ArrayList<>());
        long reused = after.stream().filter(before::contains).count();
        assertTrue(reused >= after.size() - 2, reused + " of " + after.size() + " chunks reused");
    }

    @Test
    void sameSeedGivesSameCutPoints() throws IOException {
        byte[] data = new byte[8 * 1024 * 1024];
        new Random(3).nextBytes(data);
        assertEquals(chunkChecksums(data, new ArrayList<>()), chunkChecksums(data, new ArrayList<>()));
    }

    @Test
    void cutsExactlyWhereTheByteByByteRuleOfTheFormatCuts() throws IOException {
        byte[] data = new byte[48 * 1024 * 1024];
        new Random(4).nextBytes(data);
        for (int i = 40 * 1024 * 1024; i < data.length; i++) {
            data[i] = (byte) (i % 7);   // a run without cut points, so chunks reach the maximum size too
        }
        List<Integer> sizes = new ArrayList<>();
        chunkChecksums(data, sizes);
        assertEquals(referenceCuts(data), sizes);
        assertTrue(sizes.contains(FastCdcChunker.MAX_SIZE), "the data includes maximum-size chunks");
    }

    /** FORMAT.md's rule, one byte at a time, as an independent reader would write it. */
    private static List<Integer> referenceCuts(byte[] data) {
        long maskSmall = -1L << 42;
        long maskLarge = -1L << 46;
        List<Integer> sizes = new ArrayList<>();
        int start = 0;
        while (start < data.length) {
            int remaining = data.length - start;
            int size = Math.min(remaining, FastCdcChunker.MAX_SIZE);
            if (remaining > FastCdcChunker.MIN_SIZE) {
                long h = 0;
                for (int i = FastCdcChunker.MIN_SIZE; i < Math.min(remaining, FastCdcChunker.MAX_SIZE); i++) {
                    h = (h << 1) + GEAR[data[start + i] & 0xff];
                    if ((h & (i < FastCdcChunker.AVERAGE_SIZE ? maskSmall : maskLarge)) == 0) {
                        size = i + 1;
                        break;
                    }
                }
            } else {
                size = remaining;
            }
            sizes.add(size);
            start += size;
        }
        return sizes;
    }
}
