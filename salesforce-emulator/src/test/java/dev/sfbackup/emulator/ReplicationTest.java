package dev.sfbackup.emulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReplicationTest {

    @BeforeEach
    void demoOrg() {
        TestOrg.reset(Map.of());
    }

    @Test
    void getDeletedListsRecordsDeletedInTheWindow() {
        String start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> deleted = given().contentType(ContentType.JSON).body(Map.of("object", "Contact", "delete", 5))
                .post("/emulator/admin/mutate").then().statusCode(200).extract().path("deleted");
        String end = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        TestOrg.api().queryParam("start", start).queryParam("end", end)
                .get(TestOrg.DATA + "/sobjects/Contact/deleted/").then().statusCode(200)
                .body("deletedRecords", hasSize(5))
                .body("deletedRecords.id", containsInAnyOrder(deleted.toArray()))
                .body("deletedRecords[0].deletedDate", matchesPattern(".+T.+\\.\\d{3}\\+0000"))
                .body("earliestDateAvailable", matchesPattern(".+:00\\.000\\+0000"))
                .body("latestDateCovered", matchesPattern(".+:00\\.000\\+0000"));
    }

    @Test
    void getDeletedRejectsWindowsOlderThanThirtyDaysAndObjectsWithoutSystemModstamp() {
        String start = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String end = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        TestOrg.api().queryParam("start", start).queryParam("end", end)
                .get(TestOrg.DATA + "/sobjects/Contact/deleted/").then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALID_REPLICATION_DATE"));
        TestOrg.api().queryParam("start", end).queryParam("end", end)
                .get(TestOrg.DATA + "/sobjects/AssetAttribute/deleted/").then().statusCode(400)
                .body("[0].errorCode", equalTo("CANNOT_REPLICATE"));
    }

    @Test
    void getUpdatedListsRecordsChangedInTheWindow() {
        String start = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, List<String>> changed = given().contentType(ContentType.JSON).body(Map.of("object", "Case", "update", 4, "insert", 2))
                .post("/emulator/admin/mutate").then().statusCode(200).extract().as(Map.class);
        String end = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        TestOrg.api().queryParam("start", start).queryParam("end", end)
                .get(TestOrg.DATA + "/sobjects/Case/updated/").then().statusCode(200)
                .body("ids", hasSize(6))
                .body("ids", hasItems(changed.get("updated").toArray(new String[0])))
                .body("ids", hasItems(changed.get("inserted").toArray(new String[0])));
    }
}
