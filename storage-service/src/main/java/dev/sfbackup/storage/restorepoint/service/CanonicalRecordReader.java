package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import dev.sfbackup.common.time.UtcMillisText;

/**
 * Reads NDJSON records straight into their {@link CanonicalRecord} form without building a JSON tree per record: the
 * top-level fields of a record are collected, sorted and written with one reused generator (the tree path cost more
 * than the hashing and compression of a record together). Nested objects and arrays, rare in Salesforce records, go
 * through the tree path, so both paths give the same bytes.
 */
final class CanonicalRecordReader {

    /**
     * A record of the stream in canonical form, with its top-level Id (null when absent or not a string) and the first
     * of its top-level keys the describe does not declare (null when it declares them all).
     */
    record Read(String id, CanonicalRecord canonical, String undescribedKey) {
    }

    /** One top-level field in arrival order; value is String, Long, BigDecimal, Boolean, JsonNode, or null for JSON null. */
    private record Field(String name, Object value) implements Comparable<Field> {
        @Override
        public int compareTo(Field other) {
            return name.compareTo(other.name);
        }
    }

    private final JsonParser parser;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
    private final JsonGenerator out;
    private Field[] fields = new Field[64];

    /** parser: from an ObjectMapper that reads floats as BigDecimal (nested values are read as trees through it). */
    CanonicalRecordReader(JsonParser parser) throws IOException {
        this.parser = parser;
        this.out = CanonicalRecord.newGenerator(bytes);
        out.setRootValueSeparator(null);
    }

    /** The next value's first token: START_OBJECT for a record, anything else is not one; null at the end. */
    JsonToken nextValue() throws IOException {
        return parser.nextToken();
    }

    /** Reads the object whose START_OBJECT {@link #nextValue()} just returned. */
    Read readRecord() throws IOException {
        return readRecord(DescribedFields.ANY);
    }

    Read readRecord(DescribedFields described) throws IOException {
        int count = 0;
        boolean sorted = true;
        String undescribed = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            if (undescribed == null && !described.contains(name)) {
                undescribed = name;
            }
            Object value = value(parser.nextToken());
            if (count == fields.length) {
                fields = Arrays.copyOf(fields, count * 2);
            }
            fields[count] = new Field(name, value);
            if (count > 0 && fields[count - 1].name.compareTo(name) >= 0) {
                sorted = false;
            }
            count++;
        }
        if (!sorted) {
            // stable, so of duplicate keys the last one stays last, and the last one wins as in a JSON tree
            Arrays.sort(fields, 0, count);
        }
        String id = null;
        out.writeStartObject();
        for (int i = 0; i < count; i++) {
            Field field = fields[i];
            if (i + 1 < count && fields[i + 1].name.equals(field.name)) {
                continue;
            }
            if ("Id".equals(field.name) && field.value instanceof String text) {
                id = text;
            }
            if (field.value == null || "attributes".equals(field.name)) {
                continue;
            }
            out.writeFieldName(field.name);
            switch (field.value) {
                case String text -> out.writeString(UtcMillisText.normalize(text));
                case Long number -> out.writeNumber(number);
                case BigDecimal number -> CanonicalRecord.writeDecimal(number, out);
                case Boolean flag -> out.writeBoolean(flag);
                case JsonNode node -> CanonicalRecord.write(node, out);
                default -> throw new IllegalStateException("unexpected value " + field.value.getClass());
            }
        }
        out.writeEndObject();
        out.flush();
        Arrays.fill(fields, 0, count, null);
        byte[] json = bytes.toByteArray();
        bytes.reset();
        return new Read(id, CanonicalRecord.ofCanonicalJson(json), undescribed);
    }

    private Object value(JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? new BigDecimal(parser.getBigIntegerValue()) : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> parser.readValueAsTree();
        };
    }
}
