package dev.sfbackup.storage.repository.format;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds one pack in a temporary file: sealed blobs back to back, then the sealed pack header (the pack's own index),
 * then the header's length as a 4-byte big-endian integer. The pack id is the SHA-256 of the whole file.
 */
public final class PackWriter implements AutoCloseable {

    static final int HEADER_ENTRY_BYTES = 32 + 8 + 4 + 4 + 1;

    private final Path file;
    private final MessageDigest digest;
    private final OutputStream out;
    private final List<BlobLocation> blobs = new ArrayList<>();
    private long size;

    public PackWriter(Path tempDirectory) throws IOException {
        this.file = Files.createTempFile(tempDirectory, "pack-", ".tmp");
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    public void add(String chunkId, byte[] sealed, int rawLength, Compression compression) throws IOException {
        write(sealed);
        blobs.add(new BlobLocation(chunkId, null, size, sealed.length, rawLength, compression));
        size += sealed.length;
    }

    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return blobs.isEmpty();
    }

    /** Writes the header and closes the file. */
    public FinishedPack finish(BlobCipher cipher) throws IOException {
        byte[] header = cipher.seal(encodeHeader(blobs), 0, blobs.size() * HEADER_ENTRY_BYTES, "pack-header");
        write(header);
        write(java.nio.ByteBuffer.allocate(4).putInt(header.length).array());
        out.close();
        String packId = HexFormat.of().formatHex(digest.digest());
        List<BlobLocation> located = blobs.stream()
                .map(b -> new BlobLocation(b.chunkId(), packId, b.offset(), b.storedLength(), b.rawLength(), b.compression()))
                .toList();
        return new FinishedPack(packId, file, Files.size(file), located);
    }

    private void write(byte[] bytes) throws IOException {
        CryptoSlices.update(digest, bytes, 0, bytes.length);
        out.write(bytes);
    }

    static byte[] encodeHeader(List<BlobLocation> blobs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(blobs.size() * HEADER_ENTRY_BYTES);
        DataOutputStream data = new DataOutputStream(bytes);
        for (BlobLocation blob : blobs) {
            data.write(HexFormat.of().parseHex(blob.chunkId()));
            data.writeLong(blob.offset());
            data.writeInt(blob.storedLength());
            data.writeInt(blob.rawLength());
            data.writeByte(blob.compression().code);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }

    public record FinishedPack(String id, Path file, long size, List<BlobLocation> blobs) {
    }
}
