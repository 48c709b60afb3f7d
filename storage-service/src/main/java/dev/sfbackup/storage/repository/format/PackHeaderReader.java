package dev.sfbackup.storage.repository.format;

import dev.sfbackup.storage.repository.backend.Backend;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads the index at the end of a pack: two small range reads, no need to download the pack. */
final class PackHeaderReader {

    private PackHeaderReader() {
    }

    static List<BlobLocation> read(Backend backend, String objectName, String packId, long packSize, BlobCipher cipher) throws IOException {
        if (packSize < 4 + BlobCipher.OVERHEAD) {
            throw new CorruptDataException("pack " + packId + " is too short (" + packSize + " bytes)");
        }
        int headerLength;
        try (InputStream in = backend.get(objectName, packSize - 4, 4)) {
            headerLength = ByteBuffer.wrap(in.readNBytes(4)).getInt();
        }
        if (headerLength < BlobCipher.OVERHEAD || headerLength > packSize - 4) {
            throw new CorruptDataException("pack " + packId + " has an impossible header length " + headerLength);
        }
        byte[] sealed;
        try (InputStream in = backend.get(objectName, packSize - 4 - headerLength, headerLength)) {
            sealed = in.readNBytes(headerLength);
        }
        byte[] header = cipher.open(sealed, "pack-header");
        if (header.length % PackWriter.HEADER_ENTRY_BYTES != 0) {
            throw new CorruptDataException("pack " + packId + " header has a partial entry");
        }
        List<BlobLocation> blobs = new ArrayList<>();
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(header));
        for (int i = 0; i < header.length / PackWriter.HEADER_ENTRY_BYTES; i++) {
            byte[] id = data.readNBytes(32);
            long offset = data.readLong();
            int stored = data.readInt();
            int raw = data.readInt();
            Compression compression = Compression.ofCode(data.readUnsignedByte());
            blobs.add(new BlobLocation(HexFormat.of().formatHex(id), packId, offset, stored, raw, compression));
        }
        return blobs;
    }
}
