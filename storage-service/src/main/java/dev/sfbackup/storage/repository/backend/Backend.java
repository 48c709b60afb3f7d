package dev.sfbackup.storage.repository.backend;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The small object-store interface every repository kind implements. Names are slash-separated keys
 * ("data/ab/abcd..."). Objects are written once and never modified in place.
 * Failures are {@link BackendException}s: {@link BackendException.NotFound} and permanent ones are never retried.
 */
public interface Backend extends AutoCloseable {

    /** Stores the content under {@code name}; readers never see a partial object. */
    void put(String name, Content content) throws IOException;

    /** Reads {@code length} bytes starting at {@code offset}; {@code length < 0} reads to the end. */
    InputStream get(String name, long offset, long length) throws IOException;

    /** Size in bytes; throws {@link BackendException.NotFound} when absent. */
    long stat(String name) throws IOException;

    /** Names (with sizes) of all objects whose name starts with {@code prefix}. */
    List<ObjectInfo> list(String prefix) throws IOException;

    /** Removes an object; removing an absent object is not an error. */
    void delete(String name) throws IOException;

    /** A short human description ("local:/srv/backup", "s3:bucket/prefix") for logs and health. */
    String describe();

    @Override
    default void close() {
    }

    default byte[] readAll(String name) throws IOException {
        try (InputStream in = get(name, 0, -1)) {
            return in.readAllBytes();
        }
    }

    default void putBytes(String name, byte[] bytes) throws IOException {
        put(name, Content.ofBytes(bytes));
    }

    record ObjectInfo(String name, long size) {
    }
}
