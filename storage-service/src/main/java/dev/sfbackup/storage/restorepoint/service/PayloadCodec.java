package dev.sfbackup.storage.restorepoint.service;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictDecompress;
import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Compresses stored record payloads with zstd. Three formats are read, told apart by their first byte:
 * <ul>
 * <li>{@code 0x06}: compressed with the stream's dictionary (see {@link RecordDictionaries}): the marker, the
 * dictionary's id and the record's length in bytes (both unsigned LEB128 varints), then a zstd frame without magic
 * number, content size, dictionary id or checksum. On the ingest bench's 1 KB records a payload is 0.3x the size
 * the record alone compresses to, since the records of one object are alike field for field.</li>
 * <li>{@code 0x28}: a zstd frame of the record alone (what was written before dictionaries, and still is for streams
 * too small to train one).</li>
 * <li>anything else: raw deflate, the first format. No raw deflate stream starts with 0x06 or 0x28: 0x06's block type
 * is the reserved 11, and 0x28 begins a stored block whose length bytes would have to be followed by their
 * complement, which zstd's magic number is not.</li>
 * </ul>
 */
@ApplicationScoped
public class PayloadCodec {

    static final byte DICTIONARY_FORMAT = 0x06;
    private static final byte[] ZSTD_MAGIC = {(byte) 0x28, (byte) 0xB5, (byte) 0x2F, (byte) 0xFD};
    private static final int MAX_HEADER = 11;

    private final DictionaryLookup dictionaries;
    private final ThreadLocal<ZstdCompressCtx> compressors;
    private final ThreadLocal<ZstdCompressCtx> dictionaryCompressors;
    private final ThreadLocal<ZstdDecompressCtx> decompressors = ThreadLocal.withInitial(ZstdDecompressCtx::new);
    private final ThreadLocal<ZstdDecompressCtx> dictionaryDecompressors = ThreadLocal.withInitial(
            () -> new ZstdDecompressCtx().setMagicless(true));
    /** The dictionary each thread's context holds (a context keeps it between frames; this keeps it from the GC). */
    private final ThreadLocal<Object[]> loaded = ThreadLocal.withInitial(() -> new Object[2]);
    private final ThreadLocal<Inflater> inflaters = ThreadLocal.withInitial(() -> new Inflater(true));
    private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[8192]);

    public PayloadCodec(RestorePointConfig config, DictionaryLookup dictionaries) {
        this.dictionaries = dictionaries;
        int level = config.compressionLevel();
        this.compressors = ThreadLocal.withInitial(() -> {
            ZstdCompressCtx context = new ZstdCompressCtx();
            context.setLevel(level);
            context.setContentSize(true);
            return context;
        });
        this.dictionaryCompressors = ThreadLocal.withInitial(() -> new ZstdCompressCtx().setLevel(level).setMagicless(true)
                .setContentSize(false).setDictID(false).setChecksum(false));
    }

    public byte[] compress(byte[] plain) {
        return compressors.get().compress(plain);
    }

    /** With the stream's dictionary when it has one, else the record alone. */
    public byte[] compress(byte[] plain, PayloadDictionary dictionary) {
        return compress(plain, 0, plain.length, dictionary);
    }

    /** The bytes {@code in[from, to)}, with the stream's dictionary when it has one, else alone. */
    public byte[] compress(byte[] in, int from, int to, PayloadDictionary dictionary) {
        if (dictionary == null) {
            return compress(from == 0 && to == in.length ? in : Arrays.copyOfRange(in, from, to));
        }
        int length = to - from;
        int bound = (int) Zstd.compressBound(length) + MAX_HEADER;
        byte[] out = scratch.get();
        if (out.length < bound) {
            out = new byte[Math.max(bound, out.length * 2)];
            scratch.set(out);
        }
        out[0] = DICTIONARY_FORMAT;
        int header = writeVarint(out, writeVarint(out, 1, dictionary.id()), length);
        ZstdCompressCtx context = dictionaryCompressors.get();
        Object[] held = loaded.get();
        if (held[0] != dictionary.compress()) {
            context.loadDict(dictionary.compress());
            held[0] = dictionary.compress();
        }
        int size = context.compressByteArray(out, header, out.length - header, in, from, length);
        return Arrays.copyOf(out, header + size);
    }

    /** The first bytes of every payload compressed with the dictionary (no varint is the start of another). */
    public static byte[] dictionaryPrefix(int dictionaryId) {
        byte[] out = new byte[MAX_HEADER];
        out[0] = DICTIONARY_FORMAT;
        return Arrays.copyOf(out, writeVarint(out, 1, dictionaryId));
    }

    public byte[] decompress(byte[] compressed) {
        if (compressed.length > 0 && compressed[0] == DICTIONARY_FORMAT) {
            return decompressWithDictionary(compressed);
        }
        if (isZstd(compressed)) {
            long size = Zstd.getFrameContentSize(compressed);
            if (size < 0 || size > Integer.MAX_VALUE) {
                throw new IllegalStateException("corrupt record payload (zstd frame without a valid content size)");
            }
            return decompressors.get().decompress(compressed, (int) size);
        }
        return inflate(compressed);
    }

    private byte[] decompressWithDictionary(byte[] payload) {
        long[] id = new long[1];
        long[] length = new long[1];
        int frame = readVarint(payload, readVarint(payload, 1, id), length);
        if (frame < 0 || length[0] > Integer.MAX_VALUE || id[0] > Integer.MAX_VALUE) {
            throw new IllegalStateException("corrupt record payload (dictionary format header)");
        }
        byte[] plain = new byte[(int) length[0]];
        ZstdDecompressCtx context = dictionaryDecompressors.get();
        ZstdDictDecompress dictionary = dictionaries.forReading((int) id[0]);
        Object[] held = loaded.get();
        if (held[1] != dictionary) {
            // loading costs more than decompressing a record: a read of one stream loads its dictionary once
            context.loadDict(dictionary);
            held[1] = dictionary;
        }
        int size = context.decompressByteArray(plain, 0, plain.length, payload, frame, payload.length - frame);
        if (size != plain.length) {
            throw new IllegalStateException("corrupt record payload (" + size + " bytes where the header says " + plain.length + ")");
        }
        return plain;
    }

    /** Writes value as an unsigned LEB128 varint at position at; returns the position after it. */
    private static int writeVarint(byte[] out, int at, long value) {
        while ((value & ~0x7FL) != 0) {
            out[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[at++] = (byte) value;
        return at;
    }

    /** Reads an unsigned LEB128 varint at position at into value[0]; returns the position after it, or -1 when cut off. */
    private static int readVarint(byte[] in, int at, long[] value) {
        if (at < 0) {
            return -1;
        }
        long result = 0;
        for (int shift = 0; at < in.length && shift < 64; shift += 7) {
            byte b = in[at++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                value[0] = result;
                return at;
            }
        }
        return -1;
    }

    private static boolean isZstd(byte[] payload) {
        if (payload.length < ZSTD_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ZSTD_MAGIC.length; i++) {
            if (payload[i] != ZSTD_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Payloads written before zstd: raw deflate. */
    private byte[] inflate(byte[] compressed) {
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
