package dev.sfbackup.storage.file;

import static dev.sfbackup.storage.file.FileTestSupport.count;
import static dev.sfbackup.storage.file.FileTestSupport.createLocalRepository;
import static dev.sfbackup.storage.file.FileTestSupport.createRepository;
import static dev.sfbackup.storage.file.FileTestSupport.openRestorePoint;
import static dev.sfbackup.storage.file.FileTestSupport.random;
import static dev.sfbackup.storage.file.FileTestSupport.setState;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.testing.PostgresTestResource;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FilesEndpointsTest {

    @Inject
    DataSource db;

    @TestHTTPResource
    URL server;

    private static Response upload(UUID restorePointId, String sourceId, byte[] content) {
        return given().contentType("application/octet-stream").body(content)
                .queryParam("name", sourceId + ".bin").queryParam("contentType", "application/pdf")
                .put("/api/v1/restore-points/{id}/files/{sourceId}", restorePointId, sourceId);
    }

    private static byte[] download(String fileId) {
        return given().get("/api/v1/files/{id}/content", fileId).then().statusCode(200).extract().asByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOCAL", "S3"})
    void emptyTinyLargeAndDuplicatedFilesRoundTrip(String kind) throws Exception {
        UUID repository = createRepository(kind);
        UUID point = openRestorePoint(db, UUID.randomUUID(), repository);
        byte[] large = random(9 * 1024 * 1024 + 5, 1);
        for (byte[] content : new byte[][]{new byte[0], "tiny".getBytes(), large}) {
            String sourceId = "068" + content.length;
            String fileId = upload(point, sourceId, content).then().statusCode(200)
                    .body("sourceId", equalTo(sourceId)).body("size", equalTo(content.length))
                    .body("newBytes", equalTo(content.length)).body("dedupBytes", equalTo(0))
                    .extract().path("id");
            assertArrayEquals(content, download(fileId));
        }
        upload(point, "068duplicate", large).then().statusCode(200)
                .body("newBytes", equalTo(0)).body("dedupBytes", equalTo(large.length));
    }

    @Test
    void duplicatesAreStoredOnceAcrossRestorePointsAndPolicies() throws Exception {
        UUID repository = createLocalRepository();
        byte[] content = random(3 * 1024 * 1024, 2);
        UUID first = openRestorePoint(db, UUID.randomUUID(), repository);
        UUID otherPolicy = openRestorePoint(db, UUID.randomUUID(), repository);
        upload(first, "a", content).then().statusCode(200).body("newBytes", equalTo(content.length));
        upload(otherPolicy, "b", content).then().statusCode(200).body("newBytes", equalTo(0));
    }

    @Test
    void fileChangedInTheMiddleReStoresOnlyTheAffectedChunks() throws Exception {
        UUID repository = createLocalRepository();
        byte[] original = random(12 * 1024 * 1024, 3);
        byte[] changed = original.clone();
        changed[6 * 1024 * 1024] ^= 0x7f;
        upload(openRestorePoint(db, UUID.randomUUID(), repository), "f", original).then().statusCode(200);
        int newBytes = upload(openRestorePoint(db, UUID.randomUUID(), repository), "f", changed).then().statusCode(200)
                .extract().path("newBytes");
        assertTrue(newBytes > 0 && newBytes <= 8 * 1024 * 1024, "re-stored " + newBytes + " of " + changed.length);
    }

    @Test
    void rangeRequestsReturnTheRequestedBytes() throws Exception {
        UUID point = openRestorePoint(db, UUID.randomUUID(), createLocalRepository());
        byte[] content = random(3 * 1024 * 1024, 4);
        String fileId = upload(point, "ranged", content).then().statusCode(200).extract().path("id");
        byte[] slice = given().header("Range", "bytes=1000000-2000099").get("/api/v1/files/{id}/content", fileId)
                .then().statusCode(206).header("Content-Range", "bytes 1000000-2000099/" + content.length)
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(content, 1_000_000, 2_000_100), slice);
        byte[] tail = given().header("Range", "bytes=-10").get("/api/v1/files/{id}/content", fileId)
                .then().statusCode(206).extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(content, content.length - 10, content.length), tail);
        given().header("Range", "bytes=" + content.length + "-").get("/api/v1/files/{id}/content", fileId)
                .then().statusCode(416).header("Content-Range", "bytes */" + content.length);
    }

    @Test
    void metadataPackagesAreStoredPerRestorePoint() throws Exception {
        UUID point = openRestorePoint(db, UUID.randomUUID(), createLocalRepository());
        byte[] describe = "{\"name\":\"Account\",\"fields\":[{\"name\":\"Id\"}]}".getBytes(StandardCharsets.UTF_8);
        String fileId = given().contentType("application/json").body(describe)
                .put("/api/v1/restore-points/{id}/metadata/{name}", point, "Account.describe.json")
                .then().statusCode(200).body("name", equalTo("Account.describe.json")).extract().path("id");
        assertArrayEquals(describe, download(fileId));
    }

    @Test
    void filesAndMetadataOfARestorePointAreListedSeparatelyBySourceId() throws Exception {
        UUID point = openRestorePoint(db, UUID.randomUUID(), createLocalRepository());
        upload(point, "068B", "second".getBytes(StandardCharsets.UTF_8)).then().statusCode(200);
        String first = upload(point, "068A", "first".getBytes(StandardCharsets.UTF_8)).then().statusCode(200).extract().path("id");
        given().contentType("application/json").body("{}").put("/api/v1/restore-points/{id}/metadata/{name}", point, "describeGlobal.json")
                .then().statusCode(200);
        setState(db, point, "COMMITTED");
        given().get("/api/v1/restore-points/{id}/files", point).then().statusCode(200)
                .body("sourceId", org.hamcrest.Matchers.contains("068A", "068B"))
                .body("[0].id", equalTo(first)).body("[0].size", equalTo(5))
                .body("[0].sha256", equalTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest("first".getBytes(StandardCharsets.UTF_8)))));
        given().get("/api/v1/restore-points/{id}/metadata", point).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.contains("describeGlobal.json"));
        given().get("/api/v1/restore-points/{id}/files", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void uploadsNeedAnOpenRestorePointWithARepository() throws Exception {
        upload(UUID.randomUUID(), "x", new byte[1]).then().statusCode(404).contentType("application/problem+json");
        UUID repository = createLocalRepository();
        UUID committed = openRestorePoint(db, UUID.randomUUID(), repository);
        setState(db, committed, "COMMITTED");
        upload(committed, "x", new byte[1]).then().statusCode(409).contentType("application/problem+json");
        UUID withoutRepository = openRestorePoint(db, UUID.randomUUID(), null);
        upload(withoutRepository, "x", new byte[1]).then().statusCode(409).body("errors.field", hasItem("repositoryId"));
    }

    @Test
    void corruptedPackIsFoundByVerifyWithItsFilesAndRestorePoints() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-corrupt");
        String repository = given().contentType("application/json")
                .body("{\"name\":\"corrupt-" + UUID.randomUUID() + "\",\"kind\":\"LOCAL\",\"path\":\"" + directory + "\"}")
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id");
        UUID point = openRestorePoint(db, UUID.randomUUID(), UUID.fromString(repository));
        String fileId = upload(point, "victim", random(2 * 1024 * 1024, 5)).then().statusCode(200).extract().path("id");
        given().post("/api/v1/repositories/{id}/verify?readData=100", repository).then().statusCode(200).body("ok", equalTo(true));

        Path pack;
        try (Stream<Path> files = Files.walk(directory.resolve("data"))) {
            pack = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(pack);
        bytes[1000] ^= 0x01;
        Files.write(pack, bytes);

        given().post("/api/v1/repositories/{id}/verify?readData=100", repository).then().statusCode(200)
                .body("ok", equalTo(false))
                .body("damagedPacks[0].packId", equalTo(pack.getFileName().toString()))
                .body("damagedPacks[0].affectedFiles", hasItem(fileId))
                .body("damagedPacks[0].affectedRestorePoints", hasItem(point.toString()))
                .body("affectedRestorePoints", hasItem(point.toString()));
        given().post("/api/v1/repositories/{id}/verify?readData=101", repository).then().statusCode(400)
                .body("errors.field", hasItem("readData"));
    }

    @Test
    void interruptedUploadLeavesNoFileBehind() throws Exception {
        UUID point = openRestorePoint(db, UUID.randomUUID(), createLocalRepository());
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/restore-points/" + point + "/files/interrupted HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestTokens.sessionService() + "\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: 20000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(random(6 * 1024 * 1024, 6));
            out.flush();
        }
        Thread.sleep(1500);
        assertEquals(0, count(db, "SELECT count(*) FROM stored_file WHERE restore_point_id = ?", point));
        upload(point, "interrupted", "complete now".getBytes()).then().statusCode(200);
        assertEquals(1, count(db, "SELECT count(*) FROM stored_file WHERE restore_point_id = ?", point));
    }

    @Test
    void garbageCollectionFreesChunksOnlyDiscardedRestorePointsUsed() throws Exception {
        UUID repository = createLocalRepository();
        UUID kept = openRestorePoint(db, UUID.randomUUID(), repository);
        UUID discarded = openRestorePoint(db, UUID.randomUUID(), repository);
        byte[] keptContent = random(1024 * 1024, 7);
        String keptFile = upload(kept, "kept", keptContent).then().statusCode(200).extract().path("id");
        upload(discarded, "dropped", random(1024 * 1024, 8)).then().statusCode(200);
        setState(db, discarded, "DISCARDED");

        given().post("/api/v1/repositories/{id}/gc", repository).then().statusCode(200).body("packsDeleted", equalTo(1))
                .body("bytesFreed", greaterThan(1000000));
        assertArrayEquals(keptContent, download(keptFile));
        given().post("/api/v1/repositories/{id}/verify?readData=100", repository).then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void downloadOfUnknownFileIsNotFound() {
        given().get("/api/v1/files/{id}/content", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

}
