package dev.sfbackup.emulator;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CollectionsTest {

    @BeforeEach
    void demoOrg() {
        TestOrg.reset(Map.of());
    }

    @Test
    void createdRecordsGetIdsAndCanBeQueried() {
        String id = TestOrg.api().contentType(ContentType.JSON)
                .body(Map.of("allOrNone", false, "records", List.of(
                        Map.of("attributes", Map.of("type", "Account"), "Name", "Restored, \"Inc.\"", "NumberOfEmployees", 12))))
                .post(TestOrg.DATA + "/composite/sobjects").then().statusCode(200)
                .body("[0].success", equalTo(true))
                .body("[0].errors", hasSize(0))
                .body("[0].id", matchesPattern("001\\w{15}"))
                .extract().path("[0].id");
        TestOrg.api().queryParam("q", "SELECT Name, NumberOfEmployees, Industry FROM Account WHERE Id = '" + id + "'")
                .get(TestOrg.DATA + "/query").then().statusCode(200)
                .body("records[0].Name", equalTo("Restored, \"Inc.\""))
                .body("records[0].NumberOfEmployees", equalTo(12))
                .body("records[0].Industry", nullValue());
    }

    @Test
    void updateChangesOnlyTheGivenFieldsAndBumpsSystemModstamp() {
        Map<String, Object> before = TestOrg.api().queryParam("q", "SELECT Id, Name, Phone, SystemModstamp FROM Account LIMIT 1")
                .get(TestOrg.DATA + "/query").then().extract().path("records[0]");
        TestOrg.api().contentType(ContentType.JSON)
                .body(Map.of("allOrNone", true, "records", List.of(
                        Map.of("attributes", Map.of("type", "Account"), "Id", before.get("Id"), "Phone", "+49 30 1234"))))
                .patch(TestOrg.DATA + "/composite/sobjects").then().statusCode(200)
                .body("[0].success", equalTo(true)).body("[0].id", equalTo(before.get("Id")));
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Account/" + before.get("Id")).then().statusCode(200)
                .body("Phone", equalTo("+49 30 1234"))
                .body("Name", equalTo(before.get("Name")));
    }

    @Test
    void perRecordErrorsNameTheFieldsAndAllOrNoneRollsBackTheRest() {
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(Map.of("attributes", Map.of("type", "Account"), "Name", "ok"));
        records.add(Map.of("attributes", Map.of("type", "Account"), "Industry", "Banking"));
        records.add(Map.of("attributes", Map.of("type", "Account"), "Name", "x", "SystemModstamp", "2025-01-01T00:00:00.000+0000"));
        records.add(Map.of("attributes", Map.of("type", "Account"), "Name", "x", "Nope__c", 1));
        TestOrg.api().contentType(ContentType.JSON).body(Map.of("allOrNone", true, "records", records))
                .post(TestOrg.DATA + "/composite/sobjects").then().statusCode(200)
                .body("success", contains(false, false, false, false))
                .body("[0].errors[0].statusCode", equalTo("ALL_OR_NONE_OPERATION_ROLLED_BACK"))
                .body("[1].errors[0].statusCode", equalTo("REQUIRED_FIELD_MISSING"))
                .body("[1].errors[0].fields", contains("Name"))
                .body("[2].errors[0].statusCode", equalTo("INVALID_FIELD_FOR_INSERT_UPDATE"))
                .body("[2].errors[0].fields", contains("SystemModstamp"))
                .body("[3].errors[0].statusCode", equalTo("INVALID_FIELD"));
        TestOrg.api().queryParam("q", "SELECT COUNT() FROM Account").get(TestOrg.DATA + "/query").then().body("totalSize", equalTo(2000));
        TestOrg.api().contentType(ContentType.JSON).body(Map.of("allOrNone", false, "records", records))
                .post(TestOrg.DATA + "/composite/sobjects").then().statusCode(200)
                .body("success", contains(true, false, false, false));
    }

    @Test
    void moreThanTwoHundredRecordsAreRefused() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            records.add(Map.of("attributes", Map.of("type", "Account"), "Name", "n" + i));
        }
        TestOrg.api().contentType(ContentType.JSON).body(Map.of("records", records))
                .post(TestOrg.DATA + "/composite/sobjects").then().statusCode(400)
                .body("[0].errorCode", equalTo("EXCEEDED_ID_LIMIT"));
    }

    @Test
    void deleteMovesRecordsToTheRecycleBin() {
        String id = TestOrg.api().queryParam("q", "SELECT Id FROM Contact LIMIT 1").get(TestOrg.DATA + "/query").then().extract().path("records[0].Id");
        TestOrg.api().queryParam("ids", id).delete(TestOrg.DATA + "/composite/sobjects").then().statusCode(200)
                .body("[0].success", equalTo(true)).body("[0].id", equalTo(id));
        TestOrg.api().queryParam("q", "SELECT Id, IsDeleted FROM Contact WHERE Id = '" + id + "'").get(TestOrg.DATA + "/queryAll")
                .then().body("records[0].IsDeleted", equalTo(true));
    }
}
