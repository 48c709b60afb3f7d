package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.sfbackup.policy.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScopeExtensionTest {

    @Test
    void autoAddAppendsNewObjectsToAnExplicitScopeAndRecordsIt() {
        String id = policyWithScope(Map.of("objects", List.of("Account"), "exclude", List.of("Lead")));
        given().contentType(ContentType.JSON)
                .body(Map.of("addObjects", List.of("Invoice__c", "Lead", "Account"),
                        "addFields", Map.of("Account", List.of("Rating__c")), "reason", "found in describeGlobal"))
                .when().patch("/api/v1/policies/" + id + "/scope")
                .then().statusCode(200)
                .body("addedObjects", equalTo(List.of("Invoice__c", "Account")))
                .body("ignoredObjects", equalTo(List.of("Lead")))
                .body("addedFields.Account", equalTo(List.of("Rating__c")))
                .body("ignoredFields.size()", equalTo(0));
        given().when().get("/api/v1/policies/" + id)
                .then().body("scope.objects", equalTo(List.of("Account", "Invoice__c"))).body("version", equalTo(1));
        given().when().get("/api/v1/policies/" + id + "/history")
                .then().statusCode(200)
                .body("change", equalTo(List.of("CREATED", "SCOPE_EXTENDED")))
                .body("[1].version", equalTo(1))
                .body("[1].reason", equalTo("found in describeGlobal"))
                .body("[1].scopeExtension.addedObjects", equalTo(List.of("Invoice__c", "Account")))
                .body("[1].scopeExtension.ignoredObjects", equalTo(List.of("Lead")));
    }

    @Test
    void withAutoAddOffNothingNewEntersTheScope() {
        String id = policyWithScope(Map.of("objects", List.of("Account"), "autoAddNewObjects", false, "autoAddNewFields", false));
        given().contentType(ContentType.JSON)
                .body(Map.of("addObjects", List.of("Invoice__c"), "addFields", Map.of("Account", List.of("Rating__c"))))
                .when().patch("/api/v1/policies/" + id + "/scope")
                .then().statusCode(200)
                .body("addedObjects", hasSize(0))
                .body("ignoredObjects", equalTo(List.of("Invoice__c")))
                .body("addedFields.size()", equalTo(0))
                .body("ignoredFields.Account", equalTo(List.of("Rating__c")));
        given().when().get("/api/v1/policies/" + id)
                .then().body("scope.objects", equalTo(List.of("Account"))).body("version", equalTo(0));
        given().when().get("/api/v1/policies/" + id + "/history")
                .then().body("change", equalTo(List.of("CREATED", "SCOPE_EXTENDED")))
                .body("[1].scopeExtension.ignoredObjects", equalTo(List.of("Invoice__c")));
    }

    @Test
    void allObjectsScopeTakesNewObjectsOnlyWhenAutoAddIsOn() {
        String open = policyWithScope(Map.of("objects", List.of("all"), "exclude", List.of("Task")));
        given().contentType(ContentType.JSON).body(Map.of("addObjects", List.of("Invoice__c", "Task")))
                .when().patch("/api/v1/policies/" + open + "/scope")
                .then().statusCode(200)
                .body("addedObjects", equalTo(List.of("Invoice__c")))
                .body("ignoredObjects", equalTo(List.of("Task")));
        given().when().get("/api/v1/policies/" + open).then().body("scope.objects", equalTo(List.of("all")));

        String closed = policyWithScope(Map.of("objects", List.of("all"), "autoAddNewObjects", false));
        given().contentType(ContentType.JSON)
                .body(Map.of("addObjects", List.of("Invoice__c"), "addFields", Map.of("Invoice__c", List.of("Amount__c"),
                        "Account", List.of("Rating__c"))))
                .when().patch("/api/v1/policies/" + closed + "/scope")
                .then().statusCode(200)
                .body("ignoredObjects", equalTo(List.of("Invoice__c")))
                .body("ignoredFields.Invoice__c", equalTo(List.of("Amount__c")))
                .body("addedFields.Account", equalTo(List.of("Rating__c")));
    }

    @Test
    void excludedFieldsStayOutEvenWithAutoAdd() {
        String id = policyWithScope(Map.of("objects", List.of("Account"), "fieldExclusions", Map.of("Account", List.of("Ssn__c"))));
        given().contentType(ContentType.JSON).body(Map.of("addFields", Map.of("Account", List.of("Ssn__c", "Rating__c"),
                        "Contact", List.of("Nickname__c"))))
                .when().patch("/api/v1/policies/" + id + "/scope")
                .then().statusCode(200)
                .body("addedFields.Account", equalTo(List.of("Rating__c")))
                .body("ignoredFields.Account", equalTo(List.of("Ssn__c")))
                .body("ignoredFields.Contact", equalTo(List.of("Nickname__c")));
    }

    @Test
    void rejectsBadNamesAndChangesNothing() {
        String id = policyWithScope(Map.of("objects", List.of("Account")));
        given().contentType(ContentType.JSON).body(Map.of("addObjects", List.of("Invoice__c", "no spaces")))
                .when().patch("/api/v1/policies/" + id + "/scope")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("addObjects[1]"));
        given().contentType(ContentType.JSON).body(Map.of("addObjects", List.of("X"), "extra", true))
                .when().patch("/api/v1/policies/" + id + "/scope")
                .then().statusCode(400).body("errors.field", hasItem("extra"));
        given().when().get("/api/v1/policies/" + id).then().body("scope.objects", equalTo(List.of("Account")));
        given().when().get("/api/v1/policies/" + id + "/history").then().body("change", equalTo(List.of("CREATED")));
        given().contentType(ContentType.JSON).body(Map.of("addObjects", List.of("X")))
                .when().patch("/api/v1/policies/" + UUID.randomUUID() + "/scope").then().statusCode(404);
    }

    private static String policyWithScope(Map<String, Object> scope) {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("scope"), TestData.createConnection()));
        body.put("scope", scope);
        return TestData.createPolicy(body);
    }
}
