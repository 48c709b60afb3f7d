package dev.sfbackup.storage.repository;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sfbackup.testing.ProjectRoot;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 14: LOCAL repositories and caches only below the allowed roots (here the temporary directory), apart from each other. */
@QuarkusTest
class RepositoryLocationsTest {

    @Test
    void localPathsOutsideTheAllowedRootsOrOfAnotherRepositoryAreRefusedAndNothingIsWritten() throws Exception {
        Path existing = Files.createTempDirectory("sfbackup-taken");
        given().contentType(ContentType.JSON).body(local("taken-" + UUID.randomUUID(), existing.toString()))
                .post("/api/v1/repositories").then().statusCode(201);
        Path outside = Files.createDirectories(ProjectRoot.find().resolve(".local/test-outside-" + UUID.randomUUID()));
        Path link = Files.createSymbolicLink(Files.createTempDirectory("sfbackup-link").resolve("escape"), outside);
        String tmp = System.getProperty("java.io.tmpdir");
        List<String> refused = List.of("/etc", "/", tmp, tmp + "/a/../../etc", tmp + "/./x", link.toString(), link + "/repo",
                ProjectRoot.find().resolve(".local/secrets").toString(), ProjectRoot.find().resolve(".local/pgdata").toString(),
                existing.toString(), existing.resolve("inner").toString(), existing.getParent().resolve("sfbackup-spool").toString());
        for (String path : refused) {
            given().contentType(ContentType.JSON).body(local("evil-" + UUID.randomUUID(), path)).post("/api/v1/repositories")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("path"));
        }
        try (Stream<Path> written = Files.list(outside)) {
            assertEquals(0, written.count(), "nothing was written through the link");
        }
        Files.delete(outside);
        assertFalse(Files.exists(existing.resolve("inner")));
    }

    @Test
    void aRefusedCreateInitialisesNothing() throws Exception {
        String name = "dup-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(local(name, Files.createTempDirectory("sfbackup-first").toString()))
                .post("/api/v1/repositories").then().statusCode(201);
        Path second = Files.createTempDirectory("sfbackup-second");
        given().contentType(ContentType.JSON).body(local(name, second.toString())).post("/api/v1/repositories")
                .then().statusCode(409).body("errors.field", hasItem("name"));
        Path notYetCreated = second.resolve("new");
        given().contentType(ContentType.JSON).body(local(name, notYetCreated.toString())).post("/api/v1/repositories").then().statusCode(409);
        try (Stream<Path> written = Files.list(second)) {
            assertEquals(0, written.count(), "no config, keys or tmp in the directory of a refused request");
        }
    }

    @Test
    void cachePathsFollowTheSameRules() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-cached");
        String id = given().contentType(ContentType.JSON).body(local("cached-" + UUID.randomUUID(), directory.toString()))
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id");
        for (String path : List.of("/etc", directory.toString(), directory.resolve("cache").toString(), "/tmp/a/../../etc")) {
            given().contentType(ContentType.JSON).body(Map.of("enabled", true, "path", path, "maxBytes", 1L << 30))
                    .put("/api/v1/repositories/" + id + "/cache").then().statusCode(400).body("errors.field", hasItem("path"));
        }
        assertFalse(Files.exists(directory.resolve("cache")));
        Path cache = Files.createTempDirectory("sfbackup-cache");
        given().contentType(ContentType.JSON).body(Map.of("enabled", true, "path", cache.toString(), "maxBytes", 1L << 30))
                .put("/api/v1/repositories/" + id + "/cache").then().statusCode(200);
        given().contentType(ContentType.JSON).body(local("inside-cache-" + UUID.randomUUID(), cache.resolve("repo").toString()))
                .post("/api/v1/repositories").then().statusCode(400).body("errors.field", hasItem("path"));
    }

    @Test
    void s3EndpointsOnLoopbackOrLinkLocalAddressesAreRefused() {
        for (String endpoint : List.of("http://169.254.169.254", "http://127.0.0.2:8081", "http://localhost:8083", "http://[::1]:5432",
                "http://0.0.0.0:8082")) {
            Map<String, Object> s3 = Map.of("endpoint", endpoint, "region", "us-east-1", "bucket", "b", "accessKey", "a", "secretKey", "s");
            given().contentType(ContentType.JSON).body(Map.of("name", "probe-" + UUID.randomUUID(), "kind", "S3", "s3", s3))
                    .post("/api/v1/repositories").then().statusCode(400).body("errors.field", hasItem("s3.endpoint"));
        }
    }

    @Test
    void failuresCarryNoExceptionTextOrServerPaths() throws Exception {
        Path file = Files.createTempFile("sfbackup-not-a-directory", ".txt");
        given().contentType(ContentType.JSON).body(local("file-" + UUID.randomUUID(), file.resolve("repo").toString()))
                .post("/api/v1/repositories").then().statusCode(422).body("errors.field", hasItem("path"))
                .body("detail", not(containsString("Exception"))).body("detail", not(containsString(file.toString())));
        Map<String, Object> down = Map.of("endpoint", "http://127.0.0.1:1", "region", "us-east-1", "bucket", "b", "accessKey", "a",
                "secretKey", "s");
        given().contentType(ContentType.JSON).body(Map.of("name", "down-" + UUID.randomUUID(), "kind", "S3", "s3", down))
                .post("/api/v1/repositories").then().statusCode(422)
                .body("detail", not(containsString("Exception"))).body("detail", not(containsString("java.")))
                .body("detail", not(containsString("refused")));
    }

    private static Map<String, Object> local(String name, String path) {
        return Map.of("name", name, "kind", "LOCAL", "path", path);
    }
}
