package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.RecordedOrg.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SObjectCollectionsTest {

    private static final String COLLECTIONS = "/services/data/v62.0/composite/sobjects";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordedOrg org = new RecordedOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void perRecordErrorsAreReturnedInTheOrderOfTheRecords() {
        org.on("POST " + COLLECTIONS, Reply.json(200, "rest/composite-sobjects-mixed.json"));
        List<ObjectNode> records = List.of(JSON.createObjectNode().put("Name", "Acme"), JSON.createObjectNode());

        List<SaveResult> results = org.connect(RecordedOrg.fastOptions()).collections().create("Account", records, false);

        assertEquals("001RM000003oLnnYAE", results.get(0).id());
        assertTrue(results.get(0).success());
        SaveResult.SaveError error = results.get(1).errors().get(0);
        assertEquals("REQUIRED_FIELD_MISSING", error.statusCode());
        assertEquals(List.of("Name"), error.fields());
    }

    @Test
    void updatesAreSentIn200RecordCallsWithAllOrNoneAndTheRecordType() throws Exception {
        org.on("PATCH " + COLLECTIONS, Reply.json(200, "rest/composite-sobjects-mixed.json"));
        List<ObjectNode> records = new ArrayList<>();
        IntStream.range(0, 450).forEach(i -> records.add(JSON.createObjectNode().put("Id", "001" + i).put("Name", "n" + i)));

        org.connect(RecordedOrg.fastOptions()).collections().update("Account", records, true);

        var calls = org.received("PATCH", COLLECTIONS);
        assertEquals(3, calls.size());
        List<Integer> sizes = new ArrayList<>();
        for (var call : calls) {
            JsonNode body = JSON.readTree(call.body());
            assertTrue(body.get("allOrNone").asBoolean());
            assertEquals("Account", body.get("records").get(0).get("attributes").get("type").asText());
            sizes.add(body.get("records").size());
        }
        assertEquals(List.of(200, 200, 50), sizes);
        assertEquals("application/json", calls.get(0).header("Content-Type"));
    }
}
