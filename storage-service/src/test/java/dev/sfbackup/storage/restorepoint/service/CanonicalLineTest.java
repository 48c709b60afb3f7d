package dev.sfbackup.storage.restorepoint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanonicalLineTest {

    private static final String[] FIELDS = {"Id", "Name", "Amount", "Count", "Active", "CreatedDate", "Description",
        "attributes", "Z_Field__c", "a_lower"};
    private static final String[] SPELLINGS = {"0", "-0", "7", "-42", "10.50", "10.5", "-0.5", "0.000123", "1.5E+3", "1e3",
        "123456789012345678", "1234567890123456789", "-9223372036854775808", "3.000", "0.0", "true", "false", "null",
        "{\"x\":1}", "[1,2]", "\"2026-01-02T03:04:05.000Z\"", "\"2026-01-02T03:04:05Z\"", "\"2026-01-02T03:04:05.000+0000\"",
        "\"2026-02-30T03:04:05.000Z\"", "\"2026-01-02T03:04:05.000Z and more\""};
    private static final String ALPHABET = "abcXYZ 09/\"\\\n\r\t\b\u0001\u007f\u00e9\u0085\u20ac\u2028\ud83d\ude00";

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    // the lines of each test are scanned as one batch's: a key is recognised by the key that came after the previous one
    private final FieldNames batchNames = new FieldNames();
    private final ExpectedKeys batchKeys = new ExpectedKeys();

    private String idInBatch(byte[] line) {
        return CanonicalLine.scan(line, 0, line.length, DescribedFields.ANY, batchNames, batchKeys).id();
    }

    @Test
    void aKeyOutsideTheDescribeIsReportedByTheScanAndByTheParserAlike() throws Exception {
        DescribedFields described = DescribedFields.of(mapper.readTree(
                "{\"fields\":[{\"name\":\"Id\"},{\"name\":\"Name\"},{\"name\":\"Amount\",\"relationshipName\":\"Count\"}]}"));
        Random random = new Random(23);
        int refused = 0;
        for (int i = 0; i < 5_000; i++) {
            String line = randomLine(random);
            JsonNode tree = mapper.readTree(line);
            List<String> undescribed = new ArrayList<>();
            tree.fieldNames().forEachRemaining(name -> {
                if (!described.contains(name)) {
                    undescribed.add(name);
                }
            });
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            CanonicalLine.Scan scan = CanonicalLine.scan(bytes, 0, bytes.length, described, batchNames, batchKeys);
            if (scan.undescribedKey() != null) {
                assertTrue(undescribed.contains(scan.undescribedKey()), line);
                refused++;
            } else if (scan.id() != null) {
                assertTrue(undescribed.isEmpty(), line);
            }
            try (var parser = mapper.createParser(bytes)) {
                CanonicalRecordReader reader = new CanonicalRecordReader(parser);
                reader.nextValue();
                String parsed = reader.readRecord(described).undescribedKey();
                assertEquals(undescribed.isEmpty(), parsed == null, line);
            }
        }
        assertTrue(refused > 100, "the scan refused " + refused + " of 5000 lines");
        assertTrue(DescribedFields.ANY.contains("Anything__c"));
        assertTrue(described.contains("attributes") && described.contains("Count") && !described.contains("Description"));
    }

    @Test
    void aLineIsTakenAsItCameOnlyWhenItIsByteForByteWhatTheCanonicalWriterGives() throws Exception {
        Random random = new Random(17);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            String line = randomLine(random);
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            String id = idInBatch(bytes);
            if (id != null) {
                JsonNode tree = mapper.readTree(line);
                assertEquals(new String(CanonicalRecord.of(tree).json(), StandardCharsets.UTF_8), line);
                assertEquals(tree.path("Id").textValue(), id);
                tree.fieldNames().forEachRemaining(name -> assertTrue(
                        batchNames.indexOf(name.getBytes(StandardCharsets.UTF_8), 0, name.length()) >= 0, name));
                accepted++;
            }
        }
        assertTrue(accepted > 500, "the fast path took " + accepted + " of 20000 lines");
    }

    @Test
    void whatTheCanonicalWriterGivesIsTakenAsItIsUnlessItHoldsCharactersTheFastPathLeavesToTheParser() throws Exception {
        Random random = new Random(23);
        for (int i = 0; i < 20_000; i++) {
            byte[] canonical = CanonicalRecord.of(mapper.readTree(randomLine(random))).json();
            String text = new String(canonical, StandardCharsets.UTF_8);
            JsonNode tree = mapper.readTree(text);
            boolean declined = text.chars().anyMatch(c -> c == 0x7f || c == '\b' || c < 0x20 || Character.isSurrogate((char) c))
                    || text.contains("\\u") || text.contains("\\b") || text.contains("\\f")
                    || !tree.path("Id").isTextual() || !tree.path("Id").textValue().chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                    || tree.path("Id").textValue().contains("\"") || tree.path("Id").textValue().contains("\\")
                    || tree.path("Id").textValue().isBlank()
                    || tree.properties().stream().anyMatch(field -> field.getValue().isContainerNode()
                            || field.getValue().isNumber() && field.getValue().asText().replace("-", "").length() > 18
                                    && !field.getValue().asText().contains("."));
            String id = idInBatch(canonical);
            if (!declined) {
                assertNotNull(id, text);
            }
        }
    }

    @Test
    void spellingsTheWriterWouldChangeAreLeftToTheParser() {
        String[] misses = {
            "{\"Name\":\"a\",\"Id\":\"1\"}", "{\"Id\":\"1\", \"Name\":\"a\"}", "{\"Id\":\"1\",\"N\":1.0}", "{\"Id\":\"1\",\"N\":-0}",
            "{\"Id\":\"1\",\"N\":1e3}", "{\"Id\":\"1\",\"N\":null}", "{\"Id\":\"1\",\"N\":{\"a\":1}}", "{\"Id\":\"1\",\"attributes\":1}",
            "{\"Id\":\"1\",\"D\":\"2026-01-02T03:04:05Z\"}", "{\"Id\":\"1\",\"T\":\"\\u00e9\"}", "{\"Id\":\"1\",\"T\":\"a\\/b\"}",
            "{\"Id\":\"1\",\"Id\":\"2\"}", "{\"Name\":\"no id\"}", "{\"Id\":\"\"}", "{\"Id\":1}", "{\"Id\":\"1\"} ", "{\"Id\":\"1\"}{}",
            "{\"Id\":\"1\",\"T\":\"\u00e9\"", "{\"Id\":\"1\",\"N\":01}"
        };
        for (String line : misses) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertNull(CanonicalLine.idIfCanonical(bytes, 0, bytes.length), line);
        }
        byte[] hit = "{\"A\":-0.5,\"B\":true,\"D\":\"2026-01-02T03:04:05.000Z\",\"Id\":\"001\",\"T\":\"\u00e9\\\"\\n\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("001", CanonicalLine.idIfCanonical(hit, 0, hit.length));
    }

    /** A record line with random keys in random order and random spellings of its values. */
    private static String randomLine(Random random) {
        List<String> keys = new ArrayList<>(List.of(FIELDS).subList(1, FIELDS.length));
        Collections.shuffle(keys, random);
        keys = new ArrayList<>(keys.subList(0, random.nextInt(keys.size())));
        keys.add("Id");
        if (random.nextBoolean()) {
            Collections.sort(keys);
        }
        StringBuilder line = new StringBuilder("{");
        for (String key : keys) {
            if (line.length() > 1) {
                line.append(random.nextInt(20) == 0 ? ", " : ",");
            }
            line.append('"').append(key).append("\":");
            line.append(key.equals("Id") && random.nextInt(10) > 0 ? "\"001" + random.nextInt(1000) + "\""
                    : random.nextInt(3) == 0 ? randomString(random) : SPELLINGS[random.nextInt(SPELLINGS.length)]);
        }
        return line.append('}').toString();
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder("\"");
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            if (Character.isHighSurrogate(c)) {
                text.append("\ud83d\ude00");
            } else if (Character.isLowSurrogate(c)) {
                continue;
            } else if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            } else if (c < 0x20 || random.nextInt(8) == 0) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.append('"').toString();
    }
}
