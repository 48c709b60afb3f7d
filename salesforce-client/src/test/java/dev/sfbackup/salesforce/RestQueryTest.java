package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestQueryTest {

    private static final String SECOND_PAGE = "/services/data/v62.0/query/01gD0000002HU6KIAW-2";

    private final RecordedOrg org = new RecordedOrg()
            .on("GET /services/data/v62.0/query", RecordedOrg.Reply.json(200, "rest/query-page-1.json"))
            .on("GET " + SECOND_PAGE, RecordedOrg.Reply.json(200, "rest/query-page-2.json"));

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void theNextPageIsRequestedWhileTheCallerStillReadsThisOne() throws Exception {
        RestQuery<ObjectNode> query = org.connect(RecordedOrg.fastOptions()).query("SELECT Id, Name, SystemModstamp FROM Account");

        assertEquals(3, query.totalSize());
        assertEquals("001D000000IRFmaIAH", query.next().get("Id").asText());
        awaitRequest(SECOND_PAGE);
        assertEquals(2, query.pagesFetched());
        assertEquals("001D000000IomazIAB", query.next().get("Id").asText());
        ObjectNode third = query.next();
        assertEquals("Test 3, \"quoted\"", third.get("Name").asText());
        assertEquals("Account", third.get("attributes").get("type").asText());
        assertFalse(query.hasNext());
        assertEquals(2, query.pagesFetched(), "the last page has no nextRecordsUrl: nothing more is requested");
    }

    @Test
    void pagesAreRequestedAsSoonAsTheirUrlIsKnownButAtMostTwoAheadOfTheCaller() throws Exception {
        String pages = "/services/data/v62.0/query/01gD0000002HU6XIAW-";
        org.on("GET /services/data/v62.0/query", page(1, pages + 2))
                .on("GET " + pages + 2, page(2, pages + 3))
                .on("GET " + pages + 3, page(3, pages + 4))
                .on("GET " + pages + 4, page(4, null));
        RestQuery<ObjectNode> query = org.connect(RecordedOrg.fastOptions()).query("SELECT Id FROM Account");

        assertEquals("001000000000001AAA", query.next().get("Id").asText());
        // while the caller is still on page 1, page 3 is requested as soon as page 2 names it
        awaitRequest(pages + 3);
        assertTrue(org.received("GET", pages + 4).isEmpty(), "page 4 waits until the caller takes page 2");
        assertEquals(3, query.pagesFetched());

        List<String> ids = new java.util.ArrayList<>();
        query.forEachRemaining(record -> ids.add(record.get("Id").asText()));
        assertEquals(List.of("001000000000002AAA", "001000000000003AAA", "001000000000004AAA", "001000000000005AAA",
                "001000000000006AAA", "001000000000007AAA", "001000000000008AAA"), ids);
        assertEquals(4, query.pagesFetched());
    }

    @Test
    void aFailureOfThePageAheadIsRaisedWhereItsFirstRecordWouldHaveBeen() {
        org.on("GET " + SECOND_PAGE, RecordedOrg.Reply.json(403, "errors/request-limit-exceeded.json"));
        RestQuery<ObjectNode> query = org.connect(RecordedOrg.fastOptions()).query("SELECT Id, Name, SystemModstamp FROM Account");

        assertEquals("001D000000IRFmaIAH", query.next().get("Id").asText());
        assertEquals("001D000000IomazIAB", query.next().get("Id").asText());
        assertThrows(RequestLimitExceededException.class, query::hasNext);
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

    /** Page n of a 4-page query of 8 Accounts, two per page; next is the next page's URL (null: the last page). */
    private static RecordedOrg.Reply page(int n, String next) {
        StringBuilder json = new StringBuilder("{\"totalSize\": 8, \"done\": " + (next == null) + ", ");
        if (next != null) {
            json.append("\"nextRecordsUrl\": \"").append(next).append("\", ");
        }
        json.append("\"records\": [");
        for (int i = 2 * n - 1; i <= 2 * n; i++) {
            json.append(i == 2 * n ? ", " : "").append(String.format("{\"Id\": \"%015dAAA\"}", 1_000_000_000_000L + i));
        }
        String body = json.append("]}").toString();
        return RecordedOrg.Reply.streamed("application/json", out -> out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private void awaitRequest(String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (org.received("GET", path).isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail(path + " was not requested ahead while the first page was read");
            }
            Thread.sleep(10);
        }
    }
}
