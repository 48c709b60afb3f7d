package dev.sfbackup.session.backup.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.sfbackup.salesforce.CsvRow;
import dev.sfbackup.salesforce.FieldDescribe;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.session.backup.upload.NdjsonBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordNormalizerTest {

    private static FieldDescribe field(String name, String type) {
        return new FieldDescribe(name, name, type, 0, true, true, true, false, false, false, List.of(), null);
    }

    private static final SObjectDescribe ACCOUNT = new SObjectDescribe("Account", "Account", false, true, true, true, true, true,
            List.of(field("Id", "id"), field("Name", "string"), field("AnnualRevenue", "currency"),
                    field("NumberOfEmployees", "int"), field("IsPartner", "boolean"), field("SystemModstamp", "datetime"),
                    field("Description", "textarea")));

    @Test
    void restAndBulkCopiesOfARecordNormalizeToTheSameJson() throws Exception {
        List<String> fields = List.of("Id", "Name", "AnnualRevenue", "NumberOfEmployees", "IsPartner", "SystemModstamp", "Description");
        RecordNormalizer normalizer = new RecordNormalizer(ACCOUNT, fields);
        JsonParser rest = new JsonFactory().createParser("""
                {"attributes":{"type":"Account","url":"/x"},"Id":"001A","Name":"Acme","AnnualRevenue":1500000.0,
                 "NumberOfEmployees":12,"IsPartner":false,"SystemModstamp":"2026-01-01T10:00:00.029+0000","Description":null}
                """);
        rest.nextToken();
        List<String> header = List.of("Description", "Id", "Name", "AnnualRevenue", "NumberOfEmployees", "IsPartner", "SystemModstamp");
        List<String> csv = List.of("", "001A", "Acme", "1500000", "12", "false", "2026-01-01T10:00:00.029Z");
        NdjsonBatch fromRest = new NdjsonBatch();
        fromRest.add(normalizer.fromRest(rest));
        NdjsonBatch fromCsv = new NdjsonBatch();
        fromCsv.add(normalizer.fromCsv(header, csv));
        assertEquals(new String(fromRest.toBytes()), new String(fromCsv.toBytes()));
        assertEquals(false, new String(fromRest.toBytes()).contains("attributes"));
        assertEquals(true, new String(fromRest.toBytes()).contains("\"SystemModstamp\":\"2026-01-01T10:00:00.029Z\""),
                "milliseconds are kept: " + new String(fromRest.toBytes()));
        assertEquals("{\"AnnualRevenue\":1500000,\"Id\":\"001A\",\"IsPartner\":false,\"Name\":\"Acme\","
                + "\"NumberOfEmployees\":12,\"SystemModstamp\":\"2026-01-01T10:00:00.029Z\"}\n", new String(fromCsv.toBytes()),
                "fields sorted by name as storage hashes them, empty ones left out");
    }

    @Test
    void aRestNumberKeepsEveryDigitSalesforceSentAsTheBulkCopyDoes() throws Exception {
        RecordNormalizer normalizer = new RecordNormalizer(ACCOUNT, List.of("Id", "AnnualRevenue"));
        JsonParser rest = new JsonFactory().createParser("{\"Id\":\"001A\",\"AnnualRevenue\":12345678901234567.89}");
        rest.nextToken();
        NdjsonBatch fromRest = new NdjsonBatch();
        fromRest.add(normalizer.fromRest(rest));
        NdjsonBatch fromCsv = new NdjsonBatch();
        fromCsv.add(normalizer.fromCsv(List.of("Id", "AnnualRevenue"), List.of("001A", "12345678901234567.89")));

        assertEquals("{\"AnnualRevenue\":12345678901234567.89,\"Id\":\"001A\"}\n", new String(fromRest.toBytes()),
                "a double would have rounded it to 12345678901234568");
        assertEquals(new String(fromCsv.toBytes()), new String(fromRest.toBytes()));
    }

    @Test
    void aBulkRowReadAsBytesWritesTheSameJsonAsReadAsStrings() {
        List<String> header = List.of("Description", "Id", "Name", "AnnualRevenue", "NumberOfEmployees", "IsPartner", "SystemModstamp");
        RecordNormalizer normalizer = new RecordNormalizer(ACCOUNT, header);
        String[] texts = {"", "plain", "say \"hi\", then\nleave", "back\\slash\ttab\u0001\u001f", "Zürich 東京 😀", " "};
        String[] numbers = {"", "0", "12", "-7", "1500000.50", "1e3", "12345678901234567890", "not a number"};
        String[] flags = {"", "true", "false", "TRUE"};
        String[] dateTimes = {"", "2026-01-01T10:00:00.029Z", "2026-01-01T10:00:00Z", "2026-01-01T23:30:00.5+02:00",
            "2026-03-01T01:00:00.123456-0500", "2026-02-29T10:00:00.000Z", "yesterday"};
        Random random = new Random(11);
        NdjsonBatch fromStrings = new NdjsonBatch();
        NdjsonBatch fromBytes = new NdjsonBatch();
        for (int i = 0; i < 2_000; i++) {
            List<String> row = List.of(pick(random, texts), i % 50 == 0 ? "" : "001" + i, pick(random, texts), pick(random, numbers),
                    pick(random, numbers), pick(random, flags), pick(random, dateTimes));
            NormalizedRecord strings = normalizer.fromCsv(header, row);
            NormalizedRecord bytes = normalizer.fromCsv(header, CsvRow.of(row));
            assertEquals(strings.id(), bytes.id());
            assertEquals(strings.text(normalizer.indexOf("SystemModstamp")), bytes.text(normalizer.indexOf("SystemModstamp")));
            assertEquals(strings.text(normalizer.indexOf("Name")), bytes.text(normalizer.indexOf("Name")));
            fromStrings.add(strings);
            fromBytes.add(bytes);
        }
        assertEquals(new String(fromStrings.toBytes(), StandardCharsets.UTF_8), new String(fromBytes.toBytes(), StandardCharsets.UTF_8));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
