package dev.sfbackup.session.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The records of one batch as NDJSON bytes (a few thousand records: bounded memory, one storage call). */
final class NdjsonBatch {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    private int size;
    private String lastId;

    void add(ObjectNode record) {
        try {
            JSON.writeValue(bytes, record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        size++;
        lastId = record.path("Id").asText(null);
    }

    int size() {
        return size;
    }

    String lastId() {
        return lastId;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    void clear() {
        bytes.reset();
        size = 0;
    }
}
