package dev.sfbackup.storage.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.api.alert.AlertOutcome;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A verify that finds damage alerts each policy whose restore points it affects, linking to the verify's report. */
@QuarkusTest
@TestProfile(AlertsToThisApp.class)
class VerifyDamageAlertTest {

    @Test
    void aCorruptPackAlertsEveryAffectedPolicyOnceWithTheRepositoryTheDamageAndALinkToTheReport() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-repo");
        String name = "verified-" + UUID.randomUUID().toString().substring(0, 8);
        UUID repository = UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "LOCAL", "path", directory.toString()))
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id"));
        UUID policyA = UUID.randomUUID();
        UUID policyB = UUID.randomUUID();
        byte[] content = new byte[2 << 20];
        new Random(7).nextBytes(content);
        store(openPoint(policyA, repository), content);
        store(openPoint(policyB, repository), content); // the same chunks: one pack holds both points' file
        given().post("/api/v1/repositories/{id}/verify?readData=100", repository).then().statusCode(200).body("ok", equalTo(true));
        assertEquals(List.of(), PolicyAlertsStub.of(policyA), "a clean verify alerts nobody");

        corruptOnePack(directory);
        given().post("/api/v1/repositories/{id}/verify?readData=100", repository).then().statusCode(200).body("ok", equalTo(false));

        for (UUID policy : List.of(policyA, policyB)) {
            List<AlertEvent> received = PolicyAlertsStub.of(policy);
            assertEquals(1, received.size(), "one alert per affected policy: " + received);
            AlertEvent alert = received.getFirst();
            assertEquals(AlertOutcome.VERIFY_DAMAGE, alert.outcome());
            assertTrue(alert.what().contains("repository '" + name + "'") && alert.what().contains("1 damaged pack(s)"), alert.what());
            assertTrue(alert.what().contains("1 of this policy's restore points"), alert.what());
            String link = alert.what().substring(alert.what().indexOf("http"));
            String path = link.substring(link.indexOf("/api/v1/"));
            assertTrue(path.startsWith("/api/v1/repositories/" + repository + "/verifies/"), link);
            given().get(path).then().statusCode(200).body("ok", equalTo(false))
                    .body("damagedPacks.size()", equalTo(1)).body("affectedRestorePoints.size()", equalTo(2));
        }
        assertEquals(PolicyAlertsStub.of(policyA).getFirst().key(), PolicyAlertsStub.of(policyB).getFirst().key(),
                "one verify, one occurrence");
        given().get("/api/v1/repositories/{id}/verifies/{verifyId}", repository, UUID.randomUUID()).then().statusCode(404);
    }

    private static UUID openPoint(UUID policy, UUID repository) {
        Map<String, Object> body = new HashMap<>();
        body.put("policyId", policy);
        body.put("sessionId", UUID.randomUUID());
        body.put("orgId", "00D000000000001EAA");
        body.put("object", null);
        body.put("kind", "INITIAL");
        body.put("repositoryId", repository);
        return UUID.fromString(given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/restore-points").then().statusCode(201).extract().path("id"));
    }

    private static void store(UUID point, byte[] content) {
        given().contentType("application/octet-stream").body(content)
                .put("/api/v1/restore-points/{id}/files/{sourceId}", point, "069000000000001").then().statusCode(200);
    }

    private static void corruptOnePack(Path directory) throws Exception {
        Path pack;
        try (Stream<Path> files = Files.walk(directory.resolve("data"))) {
            pack = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(pack);
        bytes[1000] ^= 0x01;
        Files.write(pack, bytes);
    }
}
