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
    // one generator for the whole batch: creating one per record cost more than writing the record
    private final JsonGenerator out;
    private int size;
    private String lastId;

    NdjsonBatch() {
        try {
            out = JSON.createGenerator(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.setRootValueSeparator(null);
    }

    void add(ObjectNode record) {
        try {
            JSON.writeTree(out, record);
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
