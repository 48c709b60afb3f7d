package dev.sfbackup.emulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DescribeTest {

    @BeforeEach
    void demoOrg() {
        TestOrg.reset(Map.of());
    }

    @Test
    void versionsAreListedWithoutAToken() {
        given().get("/services/data/").then().statusCode(200)
                .body("version", hasItems("58.0", "62.0"))
                .body("find { it.version == '62.0' }.url", equalTo("/services/data/v62.0"));
    }

    @Test
    void unsupportedVersionIsNotFound() {
        TestOrg.api().get("/services/data/v57.0/sobjects").then().statusCode(404)
                .body("[0].errorCode", equalTo("NOT_FOUND"));
        TestOrg.api().get("/services/data/v58.0/sobjects").then().statusCode(200);
        TestOrg.api().get(TestOrg.DATA + "/no-such-resource").then().statusCode(404)
                .body("[0].errorCode", equalTo("NOT_FOUND"));
    }

    @Test
    void describeGlobalListsTheDemoObjects() {
        TestOrg.api().get(TestOrg.DATA + "/sobjects").then().statusCode(200)
                .body("encoding", equalTo("UTF-8"))
                .body("maxBatchSize", equalTo(200))
                .body("sobjects.name", hasItems("Account", "Contact", "Opportunity", "Case", "User", "ContentVersion",
                        "Attachment", "AssetAttribute", "ContentWorkspaceMember"))
                .body("sobjects.find { it.name == 'Account' }.queryable", equalTo(true))
                .body("sobjects.find { it.name == 'Account' }.retrieveable", equalTo(true))
                .body("sobjects.find { it.name == 'Account' }.replicateable", equalTo(true))
                .body("sobjects.find { it.name == 'Account' }.keyPrefix", equalTo("001"))
                .body("sobjects.find { it.name == 'AssetAttribute' }.replicateable", equalTo(false))
                .body("sobjects.find { it.name == 'Account' }.urls.describe", equalTo("/services/data/v62.0/sobjects/Account/describe"));
    }

    @Test
    void describeShowsFieldPropertiesAndRelationships() {
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Contact/describe").then().statusCode(200)
                .body("name", equalTo("Contact"))
                .body("fields.name", hasItems("Id", "AccountId", "LastName", "SystemModstamp", "LastModifiedDate", "IsDeleted"))
                .body("fields.find { it.name == 'AccountId' }.type", equalTo("reference"))
                .body("fields.find { it.name == 'AccountId' }.referenceTo", equalTo(java.util.List.of("Account")))
                .body("fields.find { it.name == 'AccountId' }.relationshipName", equalTo("Account"))
                .body("fields.find { it.name == 'LastName' }.nillable", equalTo(false))
                .body("fields.find { it.name == 'LastName' }.length", equalTo(80))
                .body("fields.find { it.name == 'SystemModstamp' }.createable", equalTo(false))
                .body("fields.find { it.name == 'SystemModstamp' }.type", equalTo("datetime"));
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Account/describe").then().statusCode(200)
                .body("childRelationships.childSObject", hasItems("Contact", "Opportunity", "Case"));
        TestOrg.api().get(TestOrg.DATA + "/sobjects/ContentWorkspaceMember/describe").then().statusCode(200)
                .body("fields.name", not(hasItem("SystemModstamp")))
                .body("fields.name", not(hasItem("LastModifiedDate")));
    }

    @Test
    void unknownObjectIsNotFound() {
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Nope__c/describe").then().statusCode(404)
                .body("[0].errorCode", equalTo("NOT_FOUND"));
    }

    @Test
    void recordCountsComeFromLimits() {
        TestOrg.api().queryParam("sObjects", "Account,Contact").get(TestOrg.DATA + "/limits/recordCount").then().statusCode(200)
                .body("sObjects.find { it.name == 'Account' }.count", equalTo(2000))
                .body("sObjects.find { it.name == 'Contact' }.count", equalTo(5000));
    }

    @Test
    void everyDataResponseCarriesTheLimitInfoHeader() {
        given().post("/emulator/admin/usage").then();
        TestOrg.api().get(TestOrg.DATA + "/sobjects").then().statusCode(200)
                .header("Sforce-Limit-Info", matchesPattern("api-usage=\\d+/100000"));
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Nope/describe").then().statusCode(404)
                .header("Sforce-Limit-Info", matchesPattern("api-usage=\\d+/100000"));
    }
}
