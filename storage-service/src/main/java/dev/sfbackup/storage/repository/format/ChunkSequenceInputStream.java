package dev.sfbackup.storage.repository.format;

import dev.sfbackup.storage.repository.format.FormatRecords.ChunkRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Serves bytes [from, to) of a chunked file, fetching one authenticated chunk at a time. */
final class ChunkSequenceInputStream extends InputStream {

    private final ContentRepository repository;
    private final List<ChunkRef> chunks;
    private final long to;
    private int nextChunk;
    private long chunkStart;
    private long position;
    private byte[] current = new byte[0];
    private int currentOffset;

    ChunkSequenceInputStream(ContentRepository repository, List<ChunkRef> chunks, long from, long to) {
        this.repository = repository;
        this.chunks = chunks;
        this.to = to;
        this.position = from;
        while (nextChunk < chunks.size() && chunkStart + chunks.get(nextChunk).length() <= from) {
            chunkStart += chunks.get(nextChunk).length();
            nextChunk++;
        }
    }

    private boolean ensureData() throws IOException {
        if (position >= to) {
            return false;
        }
        if (currentOffset < current.length) {
            return true;
        }
        if (nextChunk >= chunks.size()) {
            return false;
        }
        ChunkRef ref = chunks.get(nextChunk++);
        current = repository.readChunk(ref.id());
        if (current.length != ref.length()) {
            throw new CorruptDataException("chunk " + ref.id() + " has " + current.length + " bytes, expected " + ref.length());
        }
        currentOffset = (int) (position - chunkStart);
        chunkStart += ref.length();
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!ensureData()) {
            return -1;
        }
        position++;
        return current[currentOffset++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!ensureData()) {
            return -1;
        }
        int n = (int) Math.min(Math.min(length, current.length - currentOffset), to - position);
        System.arraycopy(current, currentOffset, buffer, offset, n);
        currentOffset += n;
        position += n;
        return n;
    }
}
