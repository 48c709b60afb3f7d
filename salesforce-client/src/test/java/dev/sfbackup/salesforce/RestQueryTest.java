package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestQueryTest {

    private final RecordedOrg org = new RecordedOrg()
            .on("GET /services/data/v62.0/query", RecordedOrg.Reply.json(200, "rest/query-page-1.json"))
            .on("GET /services/data/v62.0/query/01gD0000002HU6KIAW-2", RecordedOrg.Reply.json(200, "rest/query-page-2.json"));

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void queryFollowsNextRecordsUrlOnlyWhenThePageIsUsedUp() {
        RestQuery query = org.connect(RecordedOrg.fastOptions()).query("SELECT Id, Name, SystemModstamp FROM Account");

        assertEquals(3, query.totalSize());
        assertEquals("001D000000IRFmaIAH", query.next().get("Id").asText());
        assertEquals("001D000000IomazIAB", query.next().get("Id").asText());
        assertEquals(1, query.pagesFetched(), "second page not fetched before the first is used up");
        ObjectNode third = query.next();
        assertEquals("Test 3, \"quoted\"", third.get("Name").asText());
        assertEquals("Account", third.get("attributes").get("type").asText());
        assertEquals(2, query.pagesFetched());
        assertTrue(!query.hasNext());
    }

    @Test
    void querySendsTheSoqlUrlEncodedAndTheBatchSizeOption() {
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions().withQueryBatchSize(200));

        List<ObjectNode> all = connection.query("SELECT Id FROM Account WHERE Name = 'A&B'").stream().toList();

        assertEquals(3, all.size());
        var first = org.received("GET", "/services/data/v62.0/query?").get(0);
        assertEquals("/services/data/v62.0/query?q=SELECT+Id+FROM+Account+WHERE+Name+%3D+%27A%26B%27", first.pathAndQuery());
        assertEquals("batchSize=200", first.header("Sforce-Query-Options"));
        assertTrue(first.header("Authorization").startsWith("Bearer 00Dxx0000001gPL!"));
    }

    @Test
    void queryAllReadsDeletedRecordsThroughTheQueryAllResource() {
        org.on("GET /services/data/v62.0/queryAll", RecordedOrg.Reply.json(200, "rest/query-all-deleted.json"));

        List<ObjectNode> records = org.connect(RecordedOrg.fastOptions())
                .queryAll("SELECT Id, Name, IsDeleted FROM Merchandise__c").stream().toList();

        assertEquals(1, records.size());
        assertTrue(records.get(0).get("IsDeleted").asBoolean());
    }
}
