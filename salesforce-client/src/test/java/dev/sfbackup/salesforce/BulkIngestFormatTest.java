package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkIngestFormatTest {

    @Test
    void sfErrorIsReadAsStatusCodeMessageAndFields() {
        assertEquals(List.of(new SaveResult.SaveError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", List.of("Name"))),
                BulkIngest.errors("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --"));
        assertEquals(List.of(new SaveResult.SaveError("DUPLICATE_VALUE", "duplicate value found: Ref__c duplicates value on record with id: 001", List.of("Ref__c", "Name")),
                        new SaveResult.SaveError("UNKNOWN_EXCEPTION", "boom", List.of())),
                BulkIngest.errors("DUPLICATE_VALUE:duplicate value found: Ref__c duplicates value on record with id: 001:Ref__c,Name --UNKNOWN_EXCEPTION:boom: --"));
    }

    @Test
    void cellsAreQuotedAbsentValuesEmptyAndNullsMarked() {
        Map<String, String> row = new HashMap<>();
        row.put("Name", "A \"quoted\", name\nwith a line");
        row.put("Phone", null);

        String csv = new String(BulkIngest.csv(List.of("Name", "Phone", "Title"), List.of(row)), StandardCharsets.UTF_8);

        assertEquals("\"Name\",\"Phone\",\"Title\"\n\"A \"\"quoted\"\", name\nwith a line\",\"#N/A\",\n", csv);
    }

    @Test
    void everyRowNeedsADistinctCorrelationValue() {
        RecordedOrg org = new RecordedOrg();
        try {
            BulkIngest ingest = org.connect(RecordedOrg.fastOptions()).bulkIngest();
            assertThrows(IllegalArgumentException.class, () -> ingest.run("Account", BulkIngest.Operation.UPDATE, List.of("Id"),
                    List.of(Map.of("Id", "001A"), Map.of("Id", "001A")), "Id"));
            assertThrows(IllegalArgumentException.class, () -> ingest.run("Account", BulkIngest.Operation.UPDATE, List.of("Name"),
                    List.of(Map.of("Name", "x")), "Id"));
            assertEquals(0, org.received().size(), "nothing is sent");
        } finally {
            org.close();
        }
    }
}
