package dev.sfbackup.storage.repository.format;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;

/** JSON documents stored encrypted: sealed(AES-GCM, AAD = kind) of [4-byte raw length][zstd(JSON)]. */
final class SealedDocuments {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BlobCipher cipher;

    SealedDocuments(BlobCipher cipher) {
        this.cipher = cipher;
    }

    byte[] seal(Object document, String kind) throws IOException {
        byte[] json = JSON.writeValueAsBytes(document);
        byte[] compressed = Zstd.compress(json, 3);
        ByteBuffer plain = ByteBuffer.allocate(4 + compressed.length).putInt(json.length).put(compressed);
        return cipher.seal(plain.array(), 0, plain.capacity(), kind);
    }

    <T> T open(byte[] sealed, String kind, Class<T> type) throws IOException {
        ByteBuffer plain = ByteBuffer.wrap(cipher.open(sealed, kind));
        int rawLength = plain.getInt();
        byte[] compressed = new byte[plain.remaining()];
        plain.get(compressed);
        return JSON.readValue(Compression.ZSTD.decompress(compressed, rawLength), type);
    }

    static byte[] plainJson(Object document) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    static <T> T readPlainJson(byte[] json, Class<T> type) throws IOException {
        return JSON.readValue(json, type);
    }
}
