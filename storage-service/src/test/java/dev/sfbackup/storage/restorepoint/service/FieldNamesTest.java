package dev.sfbackup.storage.restorepoint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

    @Test
    void keepsEachNameOnceInTheOrderItFirstCameWhetherAddedAsBytesOrAsText() {
        FieldNames names = new FieldNames();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = "Field_" + i + "__c";
            expected.add(name);
            byte[] line = ("{\"" + name + "\":1}").getBytes(StandardCharsets.UTF_8);
            names.add(line, 2, 2 + name.length());
            names.add(name);
        }
        names.add("Field_7__c");
        names.add("Ümlaut");
        expected.add("Ümlaut");

        assertEquals(expected, names.names());
    }

    @Test
    void findsANameByItsBytesAtThePositionItWasFirstAddedAt() {
        FieldNames names = new FieldNames();
        for (int i = 0; i < 100; i++) {
            names.add("Field_" + i);
        }
        names.add("Field_3");
        byte[] key = "{\"Field_42\":1,\"Other\":2}".getBytes(StandardCharsets.UTF_8);

        assertEquals(42, names.indexOf(key, 2, 10));
        assertEquals(-1, names.indexOf(key, 15, 20));
        assertEquals(100, names.size());
    }

    @Test
    void theScanOfACanonicalLineAddsItsKeys() {
        FieldNames names = new FieldNames();
        byte[] line = "{\"Id\":\"001A\",\"Industry\":\"Banking\",\"Name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8);

        ExpectedKeys keys = new ExpectedKeys();
        CanonicalLine.Scan scan = CanonicalLine.scan(line, 0, line.length, DescribedFields.ANY, names, keys);

        assertEquals("001A", scan.id());
        assertEquals(List.of("Id", "Industry", "Name"), names.names());

        // the next lines of the batch: a key whose value the scan leaves to the parser (null), then the same key with one
        byte[] nullFax = "{\"Fax\":null,\"Id\":\"001B\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(null, CanonicalLine.scan(nullFax, 0, nullFax.length, DescribedFields.ANY, names, keys).id());
        byte[] fax = "{\"Fax\":\"1\",\"Id\":\"001C\",\"Industry\":\"Banking\",\"Name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("001C", CanonicalLine.scan(fax, 0, fax.length, DescribedFields.ANY, names, keys).id());
        assertEquals(List.of("Id", "Industry", "Name", "Fax"), names.names());
    }
}
