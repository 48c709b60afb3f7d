package dev.sfbackup.storage.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The files a policy holds as of a time: the newest copy of each body among the FILE points committed by then. */
@QuarkusTest
class PolicyFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID policy = UUID.randomUUID();

    @Test
    void eachBodyIsItsNewestCopyCommittedByThen() throws Exception {
        UUID repository = ExportFixtures.localRepository();
        String first = ExportFixtures.openRunPoint(policy, repository);
        ExportFixtures.putFile(first, "068A", "a.txt", "first A".getBytes(StandardCharsets.UTF_8));
        ExportFixtures.putFile(first, "068B", "b.txt", "only B".getBytes(StandardCharsets.UTF_8));
        ExportFixtures.commit(first);
        Instant between = Instant.now();
        String second = ExportFixtures.openRunPoint(policy, repository);
        ExportFixtures.putFile(second, "068A", "a.txt", "second A, longer".getBytes(StandardCharsets.UTF_8));
        ExportFixtures.commit(second);

        Map<String, JsonNode> now = bySource(Instant.now().plusSeconds(1));
        Map<String, JsonNode> before = bySource(between);

        assertEquals(second, now.get("068A").path("restorePointId").asText());
        assertEquals("second A, longer".length(), now.get("068A").path("size").asLong());
        assertEquals(first, now.get("068B").path("restorePointId").asText());
        assertEquals(first, before.get("068A").path("restorePointId").asText());
        assertEquals(2, before.size());
        given().get("/api/v1/policies/" + policy + "/files").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().get("/api/v1/policies/" + policy + "/files?asOf=soon").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    private Map<String, JsonNode> bySource(Instant asOf) throws Exception {
        JsonNode files = JSON.readTree(given().queryParam("asOf", asOf.toString()).get("/api/v1/policies/" + policy + "/files")
                .then().statusCode(200).extract().asString());
        Map<String, JsonNode> bySource = new HashMap<>();
        files.forEach(file -> bySource.put(file.path("sourceId").asText(), file));
        return bySource;
    }
}
