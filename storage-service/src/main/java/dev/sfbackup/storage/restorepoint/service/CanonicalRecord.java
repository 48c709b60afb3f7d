package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.common.time.UtcMillisText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON form of a Salesforce record, which is both what is stored and what is hashed: keys sorted,
 * "attributes" and null-valued keys removed (so a field added to the scope that is empty does not version every
 * record), numbers without trailing zeros, date-times as UTC instants with milliseconds.
 */
public final class CanonicalRecord {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(CanonicalRecord::newSha256);

    private final byte[] json;
    private final byte[] sha256;

    private CanonicalRecord(byte[] json, byte[] sha256) {
        this.json = json;
        this.sha256 = sha256;
    }

    public static CanonicalRecord of(JsonNode record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator generator = newGenerator(out)) {
            write(record, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ofCanonicalJson(out.toByteArray());
    }

    /** Bytes that a canonical writer produced. */
    static CanonicalRecord ofCanonicalJson(byte[] json) {
        return new CanonicalRecord(json, sha256(json));
    }

    static JsonGenerator newGenerator(OutputStream out) throws IOException {
        JsonGenerator generator = JSON.createGenerator(out);
        generator.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return generator;
    }

    public byte[] json() {
        return json;
    }

    public byte[] sha256() {
        return sha256;
    }

    static void write(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!field.getValue().isNull() && !"attributes".equals(field.getKey())) {
                        names.add(field.getKey());
                    }
                }
                Collections.sort(names);
                generator.writeStartObject();
                for (String name : names) {
                    generator.writeFieldName(name);
                    write(node.get(name), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element, generator);
                }
                generator.writeEndArray();
            }
            case NUMBER -> writeNumber(node, generator);
            // REST and Bulk API spell the same instant differently (+0000 vs Z); both must hash alike
            case STRING -> generator.writeString(UtcMillisText.normalize(node.textValue()));
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            default -> generator.writeNull();
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            generator.writeNumber(node.longValue());
            return;
        }
        writeDecimal(node.decimalValue(), generator);
    }

    static void writeDecimal(BigDecimal number, JsonGenerator generator) throws IOException {
        BigDecimal value = number.stripTrailingZeros();
        if (value.scale() <= 0 && value.precision() - value.scale() <= 18) {
            generator.writeNumber(value.longValueExact());
        } else {
            generator.writeNumber(value);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256(bytes, 0, bytes.length);
    }

    /** The content hash of canonical JSON at {@code in[from, to)}: the same as {@link #sha256()} of those bytes. */
    static byte[] sha256(byte[] in, int from, int to) {
        MessageDigest digest = SHA_256.get();
        digest.update(in, from, to - from);
        return digest.digest();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
