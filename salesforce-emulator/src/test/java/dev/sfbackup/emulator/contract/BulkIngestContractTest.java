package dev.sfbackup.emulator.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.salesforce.BulkIngest;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.salesforce.SaveResult;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk API 2.0 ingest through the connector: results come back matched by a correlation column, not by row order. */
@QuarkusTest
class BulkIngestContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    private EmulatedOrg org;
    private SalesforceConnection connection;

    @BeforeEach
    void freshOrg() throws Exception {
        org = new EmulatedOrg(root.toURI());
        org.reset(Map.of("seed", 5, "objects", Map.of("Account", 40, "Contact", 300, "Opportunity", 10, "Case", 10)));
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "name", "Ref__c", "type", "string", "unique", true))
                .post("/emulator/admin/fields").then().statusCode(201);
        connection = org.connect();
    }

    @Test
    void insertedRowsAreMatchedToTheirIdsAndErrorsByTheCorrelationColumn() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "field", "Industry", "rejectWhenEquals", "Banking",
                "message", "No banks")).post("/emulator/admin/validation-rules").then().statusCode(201);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            Map<String, String> row = new HashMap<>();
            row.put("Ref__c", "R-" + i);
            row.put("Name", i % 50 == 7 ? null : "Bulk \"" + i + "\", Inc.");
            row.put("Industry", i % 100 == 3 ? "Banking" : "Energy");
            rows.add(row);
        }

        BulkIngest.Results results = connection.bulkIngest().run("Account", BulkIngest.Operation.INSERT,
                List.of("Ref__c", "Name", "Industry"), rows, "Ref__c");

        assertEquals("JobComplete", results.state());
        assertEquals(450, results.byCorrelation().size());
        Map<String, JsonNode> byId = groundTruth("Account");
        for (int i = 0; i < 450; i++) {
            SaveResult result = results.byCorrelation().get("R-" + i);
            if (i % 50 == 7) {
                assertEquals("REQUIRED_FIELD_MISSING", result.errors().get(0).statusCode(), "row " + i);
                assertEquals(List.of("Name"), result.errors().get(0).fields());
            } else if (i % 100 == 3) {
                assertEquals(new SaveResult.SaveError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "No banks", List.of("Industry")),
                        result.errors().get(0), "row " + i);
            } else {
                assertTrue(result.success(), "row " + i + ": " + result);
                JsonNode record = byId.get(result.id());
                assertEquals("R-" + i, record.get("Ref__c").asText());
                assertEquals("Bulk \"" + i + "\", Inc.", record.get("Name").asText());
            }
        }
    }

    @Test
    void updatesAreMatchedByIdAndEmptyCellsLeaveFieldsAlone() {
        List<String> ids = org.groundTruthIds("Contact").subList(0, 250);
        Map<String, JsonNode> before = groundTruth("Contact");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(Map.of("Id", id, "Title", "Chief " + id));
        }
        Map<String, String> deletedRow = new HashMap<>(Map.of("Id", ids.get(0), "Title", "x"));
        connection.collections().delete(List.of(ids.get(0)), false);

        BulkIngest.Results results = connection.bulkIngest().run("Contact", BulkIngest.Operation.UPDATE,
                List.of("Id", "Title", "Phone"), rows, "Id");

        Map<String, JsonNode> after = groundTruth("Contact");
        assertEquals("ENTITY_IS_DELETED", results.byCorrelation().get(deletedRow.get("Id")).errors().get(0).statusCode());
        for (String id : ids.subList(1, ids.size())) {
            assertTrue(results.byCorrelation().get(id).success(), id);
            assertEquals("Chief " + id, after.get(id).get("Title").asText());
            assertEquals(before.get(id).get("Phone"), after.get(id).get("Phone"), "an empty cell leaves Phone alone");
        }
    }

    @Test
    void aJobWithAColumnThatIsNoFieldFailsAndLeavesEveryRowUnprocessed() {
        List<Map<String, String>> rows = List.of(Map.of("Key__x", "a", "Name", "A"), Map.of("Key__x", "b", "Name", "B"));

        BulkIngest.Results results = connection.bulkIngest().run("Account", BulkIngest.Operation.INSERT, List.of("Key__x", "Name"),
                rows, "Key__x");

        assertEquals("Failed", results.state());
        assertTrue(results.errorMessage().contains("Field name not found : Key__x"), results.errorMessage());
        assertEquals(List.of("b", "a"), results.unprocessed().stream().sorted(java.util.Comparator.reverseOrder()).toList());
        assertTrue(results.byCorrelation().isEmpty());
        assertFalse(groundTruth("Account").values().stream().anyMatch(r -> r.get("Name").asText().equals("A")));
    }

    private Map<String, JsonNode> groundTruth(String object) {
        String ndjson = given().get("/emulator/admin/objects/" + object + "/records").then().statusCode(200).extract().asString();
        Map<String, JsonNode> byId = new HashMap<>();
        ndjson.lines().filter(line -> !line.isBlank()).forEach(line -> {
            try {
                JsonNode record = JSON.readTree(line);
                byId.put(record.get("Id").asText(), record);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return byId;
    }
}
