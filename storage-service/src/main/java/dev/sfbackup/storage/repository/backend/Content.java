package dev.sfbackup.storage.repository.backend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bytes to store that can be read again from the start, so a failed upload can be retried. */
public interface Content {

    InputStream open() throws IOException;

    long length();

    static Content ofBytes(byte[] bytes) {
        return new Content() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public long length() {
                return bytes.length;
            }
        };
    }

    static Content ofFile(Path file) throws IOException {
        long size = Files.size(file);
        return new Content() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public long length() {
                return size;
            }
        };
    }
}
