package dev.sfbackup.storage.restorepoint;

import static dev.sfbackup.storage.restorepoint.RestorePointApi.committed;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.ingest;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.lines;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.open;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.parseLines;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecordFormatsTest {

    private final UUID policy = UUID.randomUUID();
    private String point;

    @BeforeEach
    void storeThreeAccounts() {
        point = open(policy, "Account", "INITIAL");
        ingest(point, 1, lines(
                "{\"Id\":\"001A\",\"Name\":\"Acme, Inc.\",\"Industry\":\"Banking\",\"Employees\":120.0,"
                        + "\"BillingAddress\":{\"city\":\"Paris\"},\"CreatedDate\":\"2026-01-02T03:04:05.000+0000\"}",
                "{\"Id\":\"001B\",\"Name\":\"Say \\\"hi\\\"\\nthere\",\"Industry\":\"Retail\"}",
                "{\"Id\":\"001C\",\"Name\":\"Plain\",\"Industry\":\"Banking\",\"Fax\":null}"));
        committed(point);
    }

    @Test
    void ndjsonHoldsTheCanonicalRecords() {
        List<Map<String, Object>> records = parseLines(given().accept("application/x-ndjson")
                .get("/api/v1/restore-points/" + point + "/objects/Account/records").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().asString());
        assertEquals(3, records.size());
        assertEquals(120, records.get(0).get("Employees"));
        assertEquals("2026-01-02T03:04:05.000Z", records.get(0).get("CreatedDate"));
        assertEquals(Map.of("city", "Paris"), records.get(0).get("BillingAddress"));
    }

    @Test
    void csvFollowsRfc4180WithAHeaderOfAllFields() {
        String csv = given().accept("text/csv").get("/api/v1/restore-points/" + point + "/objects/Account/records")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals("Id,BillingAddress,CreatedDate,Employees,Industry,Name\r\n"
                + "001A,\"{\"\"city\"\":\"\"Paris\"\"}\",2026-01-02T03:04:05.000Z,120,Banking,\"Acme, Inc.\"\r\n"
                + "001B,,,,Retail,\"Say \"\"hi\"\"\nthere\"\r\n"
                + "001C,,,,Banking,Plain\r\n", csv);
    }

    @Test
    void projectionAndFilterApplyToBothFormats() {
        String ndjson = given().get("/api/v1/restore-points/" + point + "/objects/Account/records?fields=Name&q=Industry:Banking")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(Map.of("Id", "001A", "Name", "Acme, Inc."), Map.of("Id", "001C", "Name", "Plain")), parseLines(ndjson));

        String csv = given().get("/api/v1/restore-points/" + point + "/objects/Account/records?format=csv&fields=Industry&q=Name:Plain")
                .then().statusCode(200).extract().asString();
        assertEquals("Id,Industry\r\n001C,Banking\r\n", csv);
    }

    @Test
    void badProjectionOrFilterIsAProblemNamingTheParameter() {
        given().get("/api/v1/restore-points/" + point + "/objects/Account/records?fields=Name,drop table")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("fields"));
        given().get("/api/v1/restore-points/" + point + "/objects/Account/records?q=Banking")
                .then().statusCode(400).body("errors.field", hasItem("q"));
        given().get("/api/v1/restore-points/" + point + "/objects/Account/records?format=xml")
                .then().statusCode(400).body("errors.field", hasItem("format"));
        given().get("/api/v1/restore-points/" + point + "/objects/Bad-Name/records")
                .then().statusCode(400).body("errors.field", hasItem("object"));
    }
}
