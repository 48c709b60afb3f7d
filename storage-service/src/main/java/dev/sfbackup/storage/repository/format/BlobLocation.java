package dev.sfbackup.storage.repository.format;

/** Where a chunk lives: pack id, byte offset and stored (sealed) length in the pack, plaintext length, compression. */
public record BlobLocation(String chunkId, String packId, long offset, int storedLength, int rawLength, Compression compression) {
}
