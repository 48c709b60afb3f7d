package dev.sfbackup.emulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Salesforce's per-record errors on sObject Collections create/update, and the admin API that provokes them. */
@QuarkusTest
class RecordErrorsTest {

    private static final String COLLECTIONS = TestOrg.DATA + "/composite/sobjects";

    @BeforeEach
    void smallOrg() {
        TestOrg.reset(Map.of("seed", 11, "objects", Map.of("Account", 50, "Contact", 100, "Opportunity", 20, "Case", 20)));
    }

    @Test
    void aValidationRuleRejectsTheRecordsThatBreakItAndOnlyThose() {
        String rule = given().contentType(ContentType.JSON)
                .body(Map.of("object", "Account", "field", "Industry", "rejectWhenEquals", "Banking", "message", "No banks, please"))
                .post("/emulator/admin/validation-rules").then().statusCode(201).extract().path("id");

        save("POST", account("Name", "Bank", "Industry", "Banking"), account("Name", "Farm", "Industry", "Agriculture"))
                .body("success", contains(false, true))
                .body("[0].errors[0].statusCode", equalTo("FIELD_CUSTOM_VALIDATION_EXCEPTION"))
                .body("[0].errors[0].message", equalTo("No banks, please"))
                .body("[0].errors[0].fields", contains("Industry"));
        String existing = firstId("Account");
        save("PATCH", account("Id", existing, "Industry", "banking")).body("[0].errors[0].statusCode", equalTo("FIELD_CUSTOM_VALIDATION_EXCEPTION"));

        given().delete("/emulator/admin/validation-rules/" + rule).then().statusCode(204);
        save("PATCH", account("Id", existing, "Industry", "Banking")).body("[0].success", equalTo(true));
    }

    @Test
    void aBlankRuleLooksAtTheValueTheRecordWillHave() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "field", "Website", "rejectWhenBlank", true,
                "message", "Website is required")).post("/emulator/admin/validation-rules").then().statusCode(201);
        String withWebsite = firstId("Account");

        save("PATCH", account("Id", withWebsite, "Phone", "1")).body("[0].success", equalTo(true));
        save("PATCH", account("Id", withWebsite, "Website", null)).body("[0].errors[0].statusCode", equalTo("FIELD_CUSTOM_VALIDATION_EXCEPTION"));
        save("POST", account("Name", "No site")).body("[0].errors[0].message", equalTo("Website is required"));
    }

    @Test
    void anInactiveUserCannotBecomeTheOwner() {
        String user = given().get("/emulator/admin/objects/User/records").then().extract().asString().lines()
                .filter(line -> line.contains("\"IsActive\":true")).skip(1).findFirst().orElseThrow().substring(7, 25);
        given().post("/emulator/admin/users/" + user + "/deactivate").then().statusCode(200).body("IsActive", equalTo(false));

        save("POST", account("Name", "Orphan", "OwnerId", user), account("Name", "Mine"))
                .body("success", contains(false, true))
                .body("[0].errors[0].statusCode", equalTo("INACTIVE_OWNER_OR_USER"))
                .body("[0].errors[0].message", containsString(user));
        given().post("/emulator/admin/users/005000000000999AAA/deactivate").then().statusCode(404);
    }

    @Test
    void aUniqueFieldRefusesADuplicateInTheOrgAndWithinOneCall() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "name", "Code__c", "type", "string", "unique", true))
                .post("/emulator/admin/fields").then().statusCode(201);
        String first = save("POST", account("Name", "A", "Code__c", "X-1")).extract().path("[0].id");

        save("POST", account("Name", "B", "Code__c", "x-1"), account("Name", "C", "Code__c", "Y-2"), account("Name", "D", "Code__c", "Y-2"))
                .body("success", contains(false, true, false))
                .body("[0].errors[0].statusCode", equalTo("DUPLICATE_VALUE"))
                .body("[0].errors[0].message", containsString(first))
                .body("[2].errors[0].statusCode", equalTo("DUPLICATE_VALUE"));
        save("PATCH", account("Id", first, "Code__c", "X-1")).body("[0].success", equalTo(true));
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Account/describe").then()
                .body("fields.find { it.name == 'Code__c' }.unique", equalTo(true));
    }

    @Test
    void lookupsToDeletedOrPurgedOrMissingRecordsAreRefusedWithTheirOwnCodes() {
        String account = firstId("Account");
        TestOrg.api().queryParam("ids", account).delete(COLLECTIONS).then().body("[0].success", equalTo(true));

        save("POST", contact("AccountId", account)).body("[0].errors[0].statusCode", equalTo("ENTITY_IS_DELETED"))
                .body("[0].errors[0].fields", contains("AccountId"));
        given().contentType(ContentType.JSON).body(Map.of("object", "Account")).post("/emulator/admin/recycle-bin/purge")
                .then().statusCode(200).body("purged", equalTo(1));
        save("POST", contact("AccountId", account)).body("[0].errors[0].statusCode", equalTo("INVALID_CROSS_REFERENCE_KEY"));
        save("POST", contact("AccountId", "001000000000999AAA")).body("[0].errors[0].statusCode", equalTo("INVALID_CROSS_REFERENCE_KEY"));
        given().get("/emulator/admin/objects/Account/records?includeDeleted=true").then().body(not(containsString(account)));
    }

    @Test
    void auditFieldsAreCreateableOnlyWhenTheOrgAllowsIt() {
        Map<String, Object> old = account("Name", "Old", "CreatedDate", "2020-02-03T04:05:06.000+0000");
        save("POST", old).body("[0].errors[0].statusCode", equalTo("INVALID_FIELD_FOR_INSERT_UPDATE"));

        given().contentType(ContentType.JSON).body(Map.of("auditFieldsCreateable", true)).post("/emulator/admin/settings")
                .then().statusCode(200).body("auditFieldsCreateable", equalTo(true));
        String id = save("POST", old).body("[0].success", equalTo(true)).extract().path("[0].id");

        TestOrg.api().get(TestOrg.DATA + "/sobjects/Account/describe").then()
                .body("fields.find { it.name == 'CreatedDate' }.createable", equalTo(true))
                .body("fields.find { it.name == 'SystemModstamp' }.createable", equalTo(false));
        Map<String, Object> record = TestOrg.api().get(TestOrg.DATA + "/sobjects/Account/" + id).then().extract().path("");
        org.junit.jupiter.api.Assertions.assertEquals("2020-02-03T04:05:06.000+0000", record.get("CreatedDate"));
        org.junit.jupiter.api.Assertions.assertTrue(record.get("SystemModstamp").toString().startsWith(Instant.now().toString().substring(0, 4)));
        save("PATCH", account("Id", id, "CreatedDate", "2021-01-01T00:00:00.000+0000"))
                .body("[0].errors[0].statusCode", equalTo("INVALID_FIELD_FOR_INSERT_UPDATE"));
    }

    @Test
    void badAdminInputIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "field", "Industry", "rejectWhenEquals", "x",
                "rejectWhenBlank", true, "message", "m")).post("/emulator/admin/validation-rules").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body(containsString("rejectWhenEquals"));
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "field", "Nope", "rejectWhenBlank", true, "message", "m"))
                .post("/emulator/admin/validation-rules").then().statusCode(400).body(containsString("field"));
        given().contentType(ContentType.JSON).body(Map.of("object", "Nope")).post("/emulator/admin/recycle-bin/purge").then().statusCode(400);
        given().get("/emulator/admin/validation-rules").then().statusCode(200).body("id", not(hasItem("x")));
    }

    @Test
    void thePurgeWithoutABodyEmptiesEveryObjectsRecycleBin() {
        String contact = firstId("Contact");
        TestOrg.api().queryParam("ids", contact).delete(COLLECTIONS).then().body("[0].success", equalTo(true));

        given().post("/emulator/admin/recycle-bin/purge").then().statusCode(200).body("purged", equalTo(1));
        TestOrg.api().queryParam("q", "SELECT Id FROM Contact WHERE Id = '" + contact + "'").get(TestOrg.DATA + "/queryAll")
                .then().body("totalSize", equalTo(0));
    }

    private static ValidatableResponse save(String method, Map<?, ?>... records) {
        return TestOrg.api().contentType(ContentType.JSON).body(Map.of("allOrNone", false, "records", List.of(records)))
                .request(method, COLLECTIONS).then().statusCode(200);
    }

    private static Map<String, Object> account(Object... pairs) {
        return record("Account", pairs);
    }

    private static Map<String, Object> contact(Object... pairs) {
        Map<String, Object> contact = record("Contact", pairs);
        contact.put("LastName", "Doe");
        return contact;
    }

    private static Map<String, Object> record(String type, Object... pairs) {
        Map<String, Object> record = new HashMap<>();
        record.put("attributes", Map.of("type", type));
        for (int i = 0; i < pairs.length; i += 2) {
            record.put((String) pairs[i], pairs[i + 1]);
        }
        return record;
    }

    private static String firstId(String object) {
        return TestOrg.api().queryParam("q", "SELECT Id FROM " + object + " WHERE Website != null ORDER BY Id LIMIT 1".replace(
                object.equals("Account") ? "" : " WHERE Website != null", "")).get(TestOrg.DATA + "/query").then().extract().path("records[0].Id");
    }
}
