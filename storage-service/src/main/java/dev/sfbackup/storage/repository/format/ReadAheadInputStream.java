package dev.sfbackup.storage.repository.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads its source on a background thread, a few blocks ahead of the consumer, so waiting for the disk or the network
 * overlaps with chunking instead of adding to it. Blocks are recycled, so memory stays at {@code blocks} buffers.
 * {@link #close()} stops the reader and waits for it, but does not close the source (the caller owns it).
 */
final class ReadAheadInputStream extends InputStream {

    private static final class Block {
        final byte[] bytes;
        int length;
        IOException error;
        boolean last;

        Block(int size) {
            bytes = new byte[size];
        }
    }

    private final BlockingQueue<Block> free;
    private final BlockingQueue<Block> filled;
    private final Future<?> reader;
    private volatile boolean closed;
    private Block current;
    private int position;

    ReadAheadInputStream(InputStream source, int blockSize, int blocks, ExecutorService executor) {
        free = new ArrayBlockingQueue<>(blocks);
        filled = new ArrayBlockingQueue<>(blocks);
        for (int i = 0; i < blocks; i++) {
            free.add(new Block(blockSize));
        }
        reader = executor.submit(() -> readAhead(source));
    }

    private void readAhead(InputStream source) {
        try {
            for (Block block = nextFree(); block != null; block = nextFree()) {
                try {
                    fill(source, block);
                } catch (IOException e) {
                    block.error = e;
                    block.last = true;
                }
                filled.add(block);
                if (block.last) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fills the whole block unless the source ends first (a loop of reads: sources may return a little at a time). */
    private static void fill(InputStream source, Block block) throws IOException {
        block.length = 0;
        while (block.length < block.bytes.length) {
            int n = source.read(block.bytes, block.length, block.bytes.length - block.length);
            if (n < 0) {
                block.last = true;
                return;
            }
            block.length += n;
        }
    }

    private Block nextFree() throws InterruptedException {
        while (!closed) {
            Block block = free.poll(100, TimeUnit.MILLISECONDS);
            if (block != null) {
                return block;
            }
        }
        return null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (current == null || position == current.length) {
            if (current != null) {
                if (current.last) {
                    return -1;
                }
                free.add(current);
            }
            current = take();
            position = 0;
            if (current.error != null) {
                throw current.error;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current.bytes, position, buffer, offset, n);
        position += n;
        return n;
    }

    private Block take() throws IOException {
        try {
            return filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading ahead", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.get();
        } catch (Exception e) {
            // the reader reports its errors through the blocks; nothing is left to clean up
        }
    }
}
