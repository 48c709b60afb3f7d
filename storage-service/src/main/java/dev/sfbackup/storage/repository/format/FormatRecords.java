package dev.sfbackup.storage.repository.format;

import java.util.List;

/** The JSON documents of the repository format (see FORMAT.md). */
public final class FormatRecords {

    private FormatRecords() {
    }

    public record RepositoryConfig(int version, String id, String chunker, int minChunk, int avgChunk, int maxChunk,
                                   String chunkId, String compression, String cipher) {
    }

    public record StoredKeys(int version, String hmacKey, String aesKey, long chunkerSeed) {
    }

    public record IndexFile(int version, List<IndexedPack> packs) {
    }

    public record IndexedPack(String id, long size, String created, List<IndexedBlob> blobs) {
    }

    public record IndexedBlob(String id, long offset, int length, int rawLength, int compression) {
    }

    public record ChunkRef(String id, int length) {
    }

    public record FileManifest(int version, long size, String sha256, List<ChunkRef> chunks) {
    }
}
