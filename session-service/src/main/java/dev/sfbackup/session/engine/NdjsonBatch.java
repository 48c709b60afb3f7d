package dev.sfbackup.session.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

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

    /** Writes the record's non-empty values (empty ones are left out: storage hashes a record without them). */
    void add(NormalizedRecord record) {
        try {
            out.writeStartObject();
            String[] fields = record.fields();
            Object[] values = record.values();
            for (int i = 0; i < fields.length; i++) {
                Object value = values[i];
                if (value == null) {
                    continue;
                }
                out.writeFieldName(fields[i]);
                switch (value) {
                    case String text -> out.writeString(text);
                    case Long number -> out.writeNumber(number);
                    case BigDecimal number -> out.writeNumber(number);
                    case Boolean flag -> out.writeBoolean(flag);
                    default -> out.writeString(value.toString());
                }
            }
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        size++;
        lastId = record.id();
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
