package dev.sfbackup.session.client;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A batch's NDJSON as the first {@code length} bytes of its chunks, each chunk full but the last, sent chunk by chunk.
 * An array of a whole batch (1.4 MB for a REST page of Accounts, 3.5 MB for 5,000 records), and the REST client's copy
 * of an entity into one buffer that grows by doubling, are humongous objects for G1, allocated outside the young
 * generation: about half of the engine's collections in the engine bench were started by them. Chunks stay below half
 * of G1's smallest region.
 */
public record NdjsonBody(List<byte[]> chunks, int length) {

    public NdjsonBody {
        chunks = List.copyOf(chunks);
        long capacity = chunks.stream().mapToLong(chunk -> chunk.length).sum();
        if (length < 0 || length > capacity) {
            throw new IllegalArgumentException("length " + length + " outside chunks of " + capacity + " bytes");
        }
    }

    /** One chunk: the first {@code length} bytes of the array. */
    public NdjsonBody(byte[] bytes, int length) {
        this(List.of(bytes), length);
    }

    public void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < chunks.size(); i++) {
            out.write(chunks.get(i), 0, usedOf(i));
        }
    }

    /** The bytes as the upload streams them, a buffer per chunk made as it is sent; each subscription (a retry) anew. */
    Multi<Buffer> buffers() {
        return Multi.createFrom().range(0, chunks.size())
                .map(this::bufferOf)
                .filter(buffer -> buffer.length() > 0);
    }

    private Buffer bufferOf(int chunk) {
        int used = usedOf(chunk);
        return Buffer.buffer(used).appendBytes(chunks.get(chunk), 0, used);
    }

    private int usedOf(int chunk) {
        long before = 0;
        for (int i = 0; i < chunk; i++) {
            before += chunks.get(i).length;
        }
        return (int) Math.clamp(length - before, 0, chunks.get(chunk).length);
    }
}
