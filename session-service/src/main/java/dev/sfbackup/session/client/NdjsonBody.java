package dev.sfbackup.session.client;

/**
 * A batch's NDJSON as the first {@code length} bytes of the array it was written into, handed to the upload as it is:
 * the array is not copied into one of its own size first, as a {@code byte[]} body would need.
 */
public record NdjsonBody(byte[] bytes, int length) {

    public NdjsonBody {
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException("length " + length + " outside an array of " + bytes.length + " bytes");
        }
    }
}
