package dev.sfbackup.emulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RestQueryTest {

    @BeforeEach
    void smallOrg() {
        TestOrg.reset(Map.of("objects", Map.of("Account", 4500)));
    }

    @Test
    void queryPagesThroughNextRecordsUrlUntilDone() {
        String token = TestOrg.token();
        JsonPath page = given().auth().oauth2(token).queryParam("q", "SELECT Id, Name, SystemModstamp FROM Account")
                .get(TestOrg.DATA + "/query").then().statusCode(200)
                .body("totalSize", equalTo(4500)).body("done", equalTo(false))
                .body("records", hasSize(2000))
                .body("records[0].attributes.type", equalTo("Account"))
                .body("records[0].attributes.url", matchesPattern("/services/data/v62.0/sobjects/Account/001\\w{15}"))
                .body("records[0].SystemModstamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"))
                .body("nextRecordsUrl", matchesPattern("/services/data/v62.0/query/01g\\w{15}-2000"))
                .extract().jsonPath();
        Set<String> ids = new HashSet<>(page.getList("records.Id"));
        while (!page.getBoolean("done")) {
            page = given().auth().oauth2(token).get(page.getString("nextRecordsUrl")).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("records.Id"));
        }
        assertEquals(4500, ids.size());
        assertTrue(page.getMap("$").containsKey("nextRecordsUrl") == false, "the last page has no nextRecordsUrl");
    }

    @Test
    void batchSizeHeaderSetsThePageSize() {
        TestOrg.api().header("Sforce-Query-Options", "batchSize=500").queryParam("q", "SELECT Id FROM Account")
                .get(TestOrg.DATA + "/query").then().statusCode(200)
                .body("records", hasSize(500)).body("nextRecordsUrl", containsString("-500"));
    }

    @Test
    void whereOrderByAndLimitAreApplied() {
        TestOrg.api().queryParam("q", "SELECT Id, Name FROM Account WHERE Name LIKE 'Acme%' ORDER BY Name DESC LIMIT 5")
                .get(TestOrg.DATA + "/query").then().statusCode(200)
                .body("records", hasSize(5)).body("records.Name", everyItem(matchesPattern("Acme.*")));
        TestOrg.api().queryParam("q", "SELECT COUNT() FROM Account").get(TestOrg.DATA + "/query").then().statusCode(200)
                .body("totalSize", equalTo(4500)).body("records", hasSize(0));
    }

    @Test
    void idGreaterThanTheLastIdOfAPageOrderedByIdReturnsExactlyTheRecordsAfterIt() {
        List<String> ordered = allIds("SELECT Id FROM Account ORDER BY Id");
        assertEquals(4500, new HashSet<>(ordered).size());
        for (int cut : List.of(632, 1250, 2000, 3999)) {
            List<String> after = allIds("SELECT Id FROM Account WHERE Id > '" + ordered.get(cut - 1) + "' ORDER BY Id");
            assertEquals(ordered.subList(cut, ordered.size()), after, "resuming after record " + cut);
        }
    }

    private static List<String> allIds(String soql) {
        String token = TestOrg.token();
        JsonPath page = given().auth().oauth2(token).queryParam("q", soql).get(TestOrg.DATA + "/query").then().statusCode(200)
                .extract().jsonPath();
        List<String> ids = new java.util.ArrayList<>(page.getList("records.Id"));
        while (!page.getBoolean("done")) {
            page = given().auth().oauth2(token).get(page.getString("nextRecordsUrl")).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("records.Id"));
        }
        return ids;
    }

    @Test
    void incrementalFilterFindsOnlyChangedRecords() {
        String before = JsonPath.from(TestOrg.api().queryParam("q", "SELECT SystemModstamp FROM Account ORDER BY SystemModstamp DESC LIMIT 1")
                .get(TestOrg.DATA + "/query").asString()).getString("records[0].SystemModstamp");
        List<String> updated = given().contentType(ContentType.JSON).body(Map.of("object", "Account", "update", 7, "insert", 3))
                .post("/emulator/admin/mutate").then().statusCode(200).extract().path("updated");
        String watermark = before.replace("+0000", "Z");
        JsonPath changed = JsonPath.from(TestOrg.api().queryParam("q", "SELECT Id FROM Account WHERE SystemModstamp > " + watermark)
                .get(TestOrg.DATA + "/query").asString());
        assertEquals(10, changed.getInt("totalSize"));
        assertTrue(changed.getList("records.Id").containsAll(updated));
    }

    @Test
    void indexedIncrementalQueriesPageLikeAFullScan() {
        String newest = JsonPath.from(TestOrg.api().queryParam("q", "SELECT SystemModstamp FROM Account ORDER BY SystemModstamp DESC LIMIT 1")
                .get(TestOrg.DATA + "/query").asString()).getString("records[0].SystemModstamp");
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "update", 2300, "delete", 40, "insert", 30))
                .post("/emulator/admin/mutate").then().statusCode(200);
        // five minutes before the newest generated stamp, like an engine's overlap window: some generated records match too
        String from = Instant.parse(newest.replace("+0000", "Z")).minusSeconds(300).toString();
        for (String resource : List.of("/query", "/queryAll")) {
            for (String order : List.of("", " ORDER BY SystemModstamp DESC")) {
                List<String> indexed = allPages(resource, "SELECT Id, SystemModstamp FROM Account WHERE SystemModstamp > " + from + order);
                List<String> scanned = allPages(resource, "SELECT Id, SystemModstamp FROM Account WHERE NOT SystemModstamp <= " + from + order);
                assertTrue(indexed.size() > 2300, resource + " found " + indexed.size());
                assertEquals(scanned, indexed, resource + order);
            }
        }
        List<String> deletedIndexed = allPages("/queryAll", "SELECT Id FROM Account WHERE IsDeleted = true AND SystemModstamp > " + from);
        List<String> deletedScanned = allPages("/queryAll", "SELECT Id FROM Account WHERE IsDeleted = true");
        assertEquals(40, deletedIndexed.size());
        assertEquals(deletedScanned, deletedIndexed);
    }

    private static List<String> allPages(String resource, String soql) {
        String token = TestOrg.token();
        JsonPath page = given().auth().oauth2(token).queryParam("q", soql).get(TestOrg.DATA + resource)
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = new ArrayList<>(page.getList("records.Id"));
        while (!page.getBoolean("done")) {
            page = given().auth().oauth2(token).get(page.getString("nextRecordsUrl")).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("records.Id"));
        }
        assertEquals(page.getInt("totalSize"), ids.size());
        return ids;
    }

    @Test
    void queryAllReturnsDeletedRecordsWithIsDeletedTrue() {
        List<String> deleted = given().contentType(ContentType.JSON).body(Map.of("object", "Account", "delete", 3))
                .post("/emulator/admin/mutate").then().statusCode(200).extract().path("deleted");
        String soql = "SELECT Id, IsDeleted FROM Account WHERE IsDeleted = true";
        TestOrg.api().queryParam("q", soql).get(TestOrg.DATA + "/query").then().statusCode(200).body("totalSize", equalTo(0));
        TestOrg.api().queryParam("q", soql).get(TestOrg.DATA + "/queryAll").then().statusCode(200)
                .body("totalSize", equalTo(3))
                .body("records.Id", containsInAnyOrder(deleted.toArray()))
                .body("records.IsDeleted", everyItem(equalTo(true)));
        TestOrg.api().queryParam("q", "SELECT Id FROM Account WHERE Id IN ('" + String.join("','", deleted) + "')")
                .get(TestOrg.DATA + "/query").then().body("totalSize", equalTo(0));
    }

    @Test
    void unknownFieldIsInvalidField() {
        TestOrg.api().queryParam("q", "SELECT Id, Nope__c FROM Account").get(TestOrg.DATA + "/query").then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALID_FIELD"))
                .body("[0].message", containsString("No such column 'Nope__c' on entity 'Account'"));
    }

    @Test
    void badSyntaxIsMalformedQuery() {
        TestOrg.api().queryParam("q", "SELECT Id FROM Account WHERE").get(TestOrg.DATA + "/query").then().statusCode(400)
                .body("[0].errorCode", equalTo("MALFORMED_QUERY"));
        TestOrg.api().queryParam("q", "SELECT Id Account").get(TestOrg.DATA + "/query").then().statusCode(400)
                .body("[0].errorCode", equalTo("MALFORMED_QUERY"));
        TestOrg.api().queryParam("q", "SELECT Id FROM Nope").get(TestOrg.DATA + "/query").then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALID_TYPE"));
        TestOrg.api().queryParam("q", "SELECT Id FROM Account WHERE SystemModstamp > '2025-01-01T00:00:00Z'")
                .get(TestOrg.DATA + "/query").then().statusCode(400).body("[0].errorCode", equalTo("INVALID_FIELD"));
    }

    @Test
    void objectsWithoutIncrementalFieldsCannotFilterOnThem() {
        TestOrg.api().queryParam("q", "SELECT Id, AttributeName FROM AssetAttribute").get(TestOrg.DATA + "/query").then().statusCode(200)
                .body("records[0]", not(hasKey("SystemModstamp")));
        TestOrg.api().queryParam("q", "SELECT Id FROM AssetAttribute WHERE SystemModstamp > 2025-01-01T00:00:00Z")
                .get(TestOrg.DATA + "/query").then().statusCode(400).body("[0].errorCode", equalTo("INVALID_FIELD"));
    }
}
