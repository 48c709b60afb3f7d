package dev.sfbackup.storage.export;

import static dev.sfbackup.storage.export.ExportFixtures.commit;
import static dev.sfbackup.storage.export.ExportFixtures.field;
import static dev.sfbackup.storage.export.ExportFixtures.localRepository;
import static dev.sfbackup.storage.export.ExportFixtures.openObject;
import static dev.sfbackup.storage.export.ExportFixtures.openRunPoint;
import static dev.sfbackup.storage.export.ExportFixtures.putMetadata;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Describes and metadata packages of a policy: downloaded as a ZIP as of a time, and compared between two times. */
@QuarkusTest
class MetadataTest {

    private final UUID policy = UUID.randomUUID();

    private static Map<String, Object> picklist(String name, String... values) {
        return Map.of("name", name, "type", "picklist", "picklistValues",
                java.util.Arrays.stream(values).map(v -> Map.of("value", v, "active", true)).toList());
    }

    private String[] twoRuns() throws Exception {
        UUID repository = localRepository();
        String account1 = openObject(policy, "Account", "INITIAL", List.of(field("Id", "id"), field("Name", "string"),
                field("Fax", "phone"), picklist("Industry", "Banking", "Retail")));
        commit(account1);
        String meta1 = openRunPoint(policy, repository);
        putMetadata(meta1, "describeGlobal.json", "{\"sobjects\":[\"Account\"]}");
        commit(meta1);
        String first = given().get("/api/v1/restore-points/" + meta1).then().extract().path("committedAt");

        String account2 = openObject(policy, "Account", "INCREMENTAL", List.of(field("Id", "id"), field("Name", "textarea"),
                field("Rating__c", "string"), picklist("Industry", "Banking", "Energy")));
        commit(account2);
        String contact = openObject(policy, "Contact", "INITIAL", List.of(field("Id", "id")));
        commit(contact);
        String meta2 = openRunPoint(policy, repository);
        putMetadata(meta2, "describeGlobal.json", "{\"sobjects\":[\"Account\",\"Contact\"]}");
        putMetadata(meta2, "sobjects/Contact.json", "{\"name\":\"Contact\"}");
        commit(meta2);
        return new String[] {first, meta2};
    }

    @Test
    void theDiffNamesFieldsPicklistValuesFlagsObjectsAndPackagesThatChanged() throws Exception {
        String[] runs = twoRuns();
        given().auth().oauth2(TestTokens.viewer()).queryParam("from", runs[0]).queryParam("to", runs[1])
                .get("/api/v1/policies/" + policy + "/metadata/diff").then().statusCode(200)
                .body("objects.object", contains("Account", "Contact"))
                .body("objects[0].change", equalTo("CHANGED"))
                .body("objects[0].fieldsAdded", contains("Rating__c"))
                .body("objects[0].fieldsRemoved", contains("Fax"))
                .body("objects[0].fieldsChanged.field", contains("Industry", "Name"))
                .body("objects[0].fieldsChanged[0].picklistValuesAdded", contains("Energy"))
                .body("objects[0].fieldsChanged[0].picklistValuesRemoved", contains("Retail"))
                .body("objects[0].fieldsChanged[1].attributes.type.before", equalTo("string"))
                .body("objects[0].fieldsChanged[1].attributes.type.after", equalTo("textarea"))
                .body("objects[1].change", equalTo("ADDED"))
                .body("packages.added", contains("sobjects/Contact.json"))
                .body("packages.changed", contains("describeGlobal.json"))
                .body("packages.removed", empty());

        given().queryParam("from", runs[1]).queryParam("to", runs[1]).get("/api/v1/policies/" + policy + "/metadata/diff")
                .then().statusCode(200).body("objects", hasSize(0)).body("packages.changed", empty());
    }

    @Test
    void theZipHoldsEachDescribeAndTheMetadataPackagesAsOfTheTime() throws Exception {
        String[] runs = twoRuns();
        byte[] zip = given().auth().oauth2(TestTokens.viewer()).queryParam("asOf", runs[0])
                .get("/api/v1/policies/" + policy + "/metadata").then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", startsWith("attachment; filename=\"metadata-" + policy)).extract().asByteArray();
        Map<String, byte[]> entries = ExportTest.unzip(zip);
        assertEquals(List.of("Account.describe.json", "metadata/describeGlobal.json"), new ArrayList<>(entries.keySet()));
        assertEquals("{\"sobjects\":[\"Account\"]}", new String(entries.get("metadata/describeGlobal.json"), StandardCharsets.UTF_8));

        Map<String, byte[]> latest = ExportTest.unzip(given().get("/api/v1/policies/" + policy + "/metadata").then().statusCode(200)
                .extract().asByteArray());
        assertEquals(List.of("Account.describe.json", "Contact.describe.json", "metadata/describeGlobal.json",
                "metadata/sobjects/Contact.json"), new ArrayList<>(latest.keySet()));
    }

    @Test
    void aDiffWithoutFromOrWithABadTimeIsAProblem() throws Exception {
        twoRuns();
        given().get("/api/v1/policies/" + policy + "/metadata/diff").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "soon").get("/api/v1/policies/" + policy + "/metadata/diff")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }
}
