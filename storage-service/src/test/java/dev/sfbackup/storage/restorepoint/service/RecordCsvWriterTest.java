package dev.sfbackup.storage.restorepoint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordCsvWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] KEYS = {"Id", "Name", "Description", "Amount", "IsDeleted", "BillingAddress", "Tags",
            "Ümlaut__c", "Quote\"Key", "Back\\slash", "Comma,Key", "Extra"};
    private static final String TEXT = "ab Z09,\"\r\n\t\\/{}[]:#é€😀\u2028\u0001";

    @Test
    void writesWhatJacksonsParserAndCsvWriterWriteForTheSameRecords() throws IOException {
        Random random = new Random(1_000_000);
        for (int round = 0; round < 50; round++) {
            List<String> header = header(random);
            List<byte[]> records = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                records.add(CanonicalRecord.of(record(random)).json());
            }
            assertEquals(throughJackson(header, records), direct(header, records), "header " + header);
        }
    }

    @Test
    void writesWhatJacksonWritesForLongStringsInRecordsWhoseKeysChangeFromOneToTheNext() throws IOException {
        Random random = new Random(20);
        for (int round = 0; round < 20; round++) {
            List<String> header = header(random);
            List<byte[]> records = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ObjectNode record = record(random);
                for (String key : KEYS) {
                    if (random.nextInt(3) == 0) {
                        StringBuilder text = new StringBuilder();
                        for (int words = random.nextInt(12); words >= 0; words--) {
                            text.append(text(random)).append("lorem ipsum");
                        }
                        record.put(key, text.toString());
                    }
                }
                records.add(CanonicalRecord.of(record).json());
            }
            assertEquals(throughJackson(header, records), direct(header, records), "header " + header);
        }
    }

    @Test
    void writesTheDataLoaderShape() throws IOException {
        byte[] record = "{\"Amount\":120.5,\"BillingAddress\":{\"city\":\"Paris\"},\"Id\":\"001A\",\"Name\":\"Acme, Inc.\",\"Note\":\"Say \\\"hi\\\"\\nthere\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals("Id,Amount,BillingAddress,Name,Note,Missing\r\n"
                + "001A,120.5,\"{\"\"city\"\":\"\"Paris\"\"}\",\"Acme, Inc.\",\"Say \"\"hi\"\"\nthere\",\r\n",
                direct(List.of("Id", "Amount", "BillingAddress", "Name", "Note", "Missing"), List.of(record)));
    }

    @Test
    void refusesARecordThatIsNotCompactJsonInsteadOfWritingAnEmptyRow() throws IOException {
        RecordCsvWriter csv = new RecordCsvWriter(new ByteArrayOutputStream(), List.of("Id", "Name"));

        assertThrows(IllegalStateException.class, () -> csv.row("{ \"Id\": \"001A\" }".getBytes(StandardCharsets.UTF_8)));
    }

    private static String direct(List<String> header, List<byte[]> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordCsvWriter csv = new RecordCsvWriter(out, header);
        for (byte[] record : records) {
            csv.row(record);
        }
        csv.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The CSV read as it was before RecordCsvWriter: each value read by Jackson's parser, written by CsvWriter. */
    private static String throughJackson(List<String> header, List<byte[]> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(text, header);
        for (byte[] record : records) {
            String[] values = new String[header.size()];
            Arrays.fill(values, "");
            try (JsonParser parser = MAPPER.getFactory().createParser(record)) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    int column = header.indexOf(parser.currentName());
                    JsonToken value = parser.nextToken();
                    if (column < 0) {
                        parser.skipChildren();
                    } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        values[column] = MAPPER.readTree(parser).toString();
                    } else if (value != JsonToken.VALUE_NULL) {
                        values[column] = parser.getText();
                    }
                }
            }
            csv.row(values);
        }
        csv.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> header(Random random) {
        List<String> header = new ArrayList<>(List.of("Id"));
        for (String key : KEYS) {
            if (random.nextInt(4) > 0) {
                header.add(key);
            }
        }
        if (random.nextBoolean()) {
            header.add("Missing");
            header.add(header.get(random.nextInt(header.size())));
        }
        return header;
    }

    private static ObjectNode record(Random random) {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("Id", "001" + random.nextInt(1_000_000));
        for (String key : KEYS) {
            if (!key.equals("Id") && random.nextInt(3) > 0) {
                switch (random.nextInt(6)) {
                    case 0 -> record.put(key, random.nextLong());
                    case 1 -> record.put(key, new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(4)));
                    case 2 -> record.put(key, random.nextBoolean());
                    case 3 -> record.set(key, nested(random));
                    default -> record.put(key, text(random));
                }
            }
        }
        return record;
    }

    private static ObjectNode nested(Random random) {
        ObjectNode value = MAPPER.createObjectNode();
        value.put("city", text(random));
        value.put("latitude", random.nextInt(90) + 0.25);
        ArrayNode lines = value.putArray("lines");
        lines.add(text(random));
        lines.addObject().put("n", text(random));
        return value;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(TEXT.length());
            if (Character.isHighSurrogate(TEXT.charAt(at))) {
                text.append(TEXT, at, at + 2);
            } else if (!Character.isLowSurrogate(TEXT.charAt(at)) && random.nextBoolean()) {
                text.append(TEXT.charAt(at));
            } else {
                text.append('x');
            }
        }
        return text.toString();
    }
}
