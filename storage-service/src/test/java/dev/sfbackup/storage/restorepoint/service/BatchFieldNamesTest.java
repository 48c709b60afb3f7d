package dev.sfbackup.storage.restorepoint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchFieldNamesTest {

    @Test
    void keepsEachNameOnceInTheOrderItFirstCameWhetherAddedAsBytesOrAsText() {
        BatchFieldNames names = new BatchFieldNames();
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
    void theScanOfACanonicalLineAddsItsKeys() {
        BatchFieldNames names = new BatchFieldNames();
        byte[] line = "{\"Id\":\"001A\",\"Industry\":\"Banking\",\"Name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8);

        CanonicalLine.Scan scan = CanonicalLine.scan(line, 0, line.length, DescribedFields.ANY, names);

        assertEquals("001A", scan.id());
        assertEquals(List.of("Id", "Industry", "Name"), names.names());
    }
}
