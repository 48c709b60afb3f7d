package dev.sfbackup.storage.restorepoint.service;

import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Compresses stored record payloads with raw deflate (the JDK's codec; zstd is not in the JDK). */
@ApplicationScoped
public class PayloadCodec {

    private final int level;
    private final ThreadLocal<Deflater> deflaters;
    private final ThreadLocal<Inflater> inflaters = ThreadLocal.withInitial(() -> new Inflater(true));

    public PayloadCodec(RestorePointConfig config) {
        this.level = config.compressionLevel();
        this.deflaters = ThreadLocal.withInitial(() -> new Deflater(level, true));
    }

    public byte[] compress(byte[] plain) {
        Deflater deflater = deflaters.get();
        deflater.reset();
        deflater.setInput(plain);
        deflater.finish();
        byte[] buffer = new byte[Math.max(64, plain.length + plain.length / 8 + 64)];
        int length = 0;
        while (!deflater.finished()) {
            if (length == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
            }
            length += deflater.deflate(buffer, length, buffer.length - length);
        }
        return java.util.Arrays.copyOf(buffer, length);
    }

    public byte[] decompress(byte[] compressed) {
        Inflater inflater = inflaters.get();
        inflater.reset();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("truncated record payload");
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt record payload", e);
        }
        return out.toByteArray();
    }
}
