package dev.sfbackup.session.backup.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.session.backup.read.NormalizedRecord;
import dev.sfbackup.session.client.NdjsonBody;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NdjsonBatchTest {

    private static final String ALPHABET = "abcXYZ 09/\"\\\n\r\t\b\f\u0001\u001f\u007f\u00e9\u0085\u20ac\u2028";
    private static final String[] FIELDS = {"Amount", "Description", "Id", "IsActive", "Name", "Count"};

    @Test
    void recordsAreSpelledAsJacksonWritesThemSoStorageTakesThemAsTheyCome() throws Exception {
        ObjectMapper jackson = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        Random random = new Random(3);
        NdjsonBatch batch = new NdjsonBatch();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            Object[] values = {
                random.nextBoolean() ? null : new BigDecimal(random.nextInt(1_000_000)).movePointLeft(random.nextInt(4)).stripTrailingZeros(),
                random.nextBoolean() ? null : randomText(random),
                "001" + i,
                random.nextBoolean() ? null : random.nextBoolean(),
                randomText(random),
                random.nextBoolean() ? null : (long) random.nextInt() * random.nextInt()
            };
            batch.add(new NormalizedRecord("001" + i, FIELDS, values));
            Map<String, Object> record = new LinkedHashMap<>();
            for (int f = 0; f < FIELDS.length; f++) {
                if (values[f] != null) {
                    record.put(FIELDS[f], values[f]);
                }
            }
            expected.append(jackson.writeValueAsString(record)).append('\n');
        }
        assertEquals(expected.toString(), new String(batch.toBytes(), StandardCharsets.UTF_8));
        assertEquals(5_000, batch.size());
        assertEquals("0014999", batch.lastId());
    }

    @Test
    void aBatchOfMegabytesIsHeldInChunksSmallerThanHalfOfG1sSmallestRegion() throws Exception {
        NdjsonBatch batch = new NdjsonBatch();
        String[] fields = {"Description", "Id"};
        String description = "x".repeat(700);
        int records = 0;
        while (!batch.isFull(Integer.MAX_VALUE, 3 << 20)) {
            batch.add(new NormalizedRecord("001" + records, fields, new Object[] {description, "001" + records}));
            records++;
        }
        NdjsonBody body = batch.body();
        assertTrue(body.chunks().stream().allMatch(chunk -> chunk.length <= 256 * 1024), "a chunk above 256 KB");
        ByteArrayOutputStream uploaded = new ByteArrayOutputStream();
        body.writeTo(uploaded);
        byte[] expected = batch.toBytes();
        assertEquals(expected.length, body.length());
        assertArrayEquals(expected, uploaded.toByteArray());
        String[] lines = new String(expected, StandardCharsets.UTF_8).split("\n");
        assertEquals(records, lines.length);
        assertEquals("{\"Description\":\"" + description + "\",\"Id\":\"001" + (records - 1) + "\"}", lines[records - 1]);
    }

    @Test
    void csvTextAsBytesIsWrittenAsTheSameTextAsAStringWouldBeMalformedUtf8Included() {
        Random random = new Random(5);
        byte[] alphabet = "a Z9,\"\\\n\r\t\b\f\u0001\u001f\u007fé€😀".getBytes(StandardCharsets.UTF_8);
        NdjsonBatch asBytes = new NdjsonBatch();
        NdjsonBatch asStrings = new NdjsonBatch();
        for (int i = 0; i < 5_000; i++) {
            byte[] text = new byte[random.nextInt(30)];
            for (int b = 0; b < text.length; b++) {
                // now and then a byte cut out of a character, or one that no UTF-8 holds
                text[b] = random.nextInt(40) == 0 ? (byte) (0x80 + random.nextInt(128)) : alphabet[random.nextInt(alphabet.length)];
            }
            String[] fields = {"Description", "Id"};
            asBytes.add(new NormalizedRecord("001" + i, fields, new Object[] {text, ("001" + i).getBytes(StandardCharsets.UTF_8)}));
            asStrings.add(new NormalizedRecord("001" + i, fields, new Object[] {new String(text, StandardCharsets.UTF_8), "001" + i}));
        }
        assertEquals(new String(asStrings.toBytes(), StandardCharsets.UTF_8), new String(asBytes.toBytes(), StandardCharsets.UTF_8));
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        if (random.nextInt(10) == 0) {
            text.append("\ud83d\ude00");
        }
        return text.toString();
    }

    @Test
    void aBatchOfWideRecordsIsFullAtTheByteLimitLongBeforeTheRecordLimit() {
        String longText = "x".repeat(100_000);
        NdjsonBatch batch = new NdjsonBatch();
        for (int i = 0; i < 10; i++) {
            batch.add(new NormalizedRecord("001" + i, new String[] {"Description", "Id"}, new Object[] {longText, "001" + i}));
        }
        assertEquals(false, batch.isFull(5_000, 1 << 20), "10 records of 100 KB are below 1 MiB");
        batch.add(new NormalizedRecord("00110", new String[] {"Description", "Id"}, new Object[] {longText, "00110"}));
        assertEquals(true, batch.isFull(5_000, 1 << 20), "the 11th crosses 1 MiB");
    }
}
