package dev.sfbackup.storage.repository;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.storage.repository.backend.InProcessS3Server;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RepositoriesEndpointsTest {

    @Inject
    DataSource db;

    @Test
    void localRepositoryIsCreatedInitializedAndListed() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-repo");
        String name = "local-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "LOCAL", "path", directory.toString()))
                .post("/api/v1/repositories").then().statusCode(201)
                .body("name", equalTo(name)).body("kind", equalTo("LOCAL")).body("path", equalTo(directory.toString()))
                .extract().path("id");
        assertTrue(Files.exists(directory.resolve("config")), "create initializes the repository");
        assertTrue(Files.exists(directory.resolve("keys/master")));
        given().get("/api/v1/repositories/{id}", id).then().statusCode(200).body("name", equalTo(name));
        given().get("/api/v1/repositories").then().statusCode(200).body("id", hasItem(id));
        given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "LOCAL", "path", directory.toString()))
                .post("/api/v1/repositories").then().statusCode(409).body("errors.field", hasItem("name"));
    }

    @Test
    void s3SecretKeyIsWriteOnlyAndSealedAtRest() throws Exception {
        InProcessS3Server s3 = new InProcessS3Server();
        s3.createBucket("secrets");
        Map<String, Object> location = Map.of("endpoint", s3.endpoint().toString(), "region", InProcessS3Server.REGION,
                "bucket", "secrets", "accessKey", InProcessS3Server.ACCESS_KEY, "secretKey", InProcessS3Server.SECRET_KEY);
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "s3-" + UUID.randomUUID(), "kind", "S3", "s3", location))
                .post("/api/v1/repositories").then().statusCode(201)
                .body("s3.secretKeySet", equalTo(true)).body("s3.secretKey", nullValue())
                .body(not(containsString(InProcessS3Server.SECRET_KEY)))
                .extract().path("id");
        try (Connection connection = db.getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT s3_secret_key_sealed FROM backup_repository WHERE id = '" + id + "'")) {
            assertTrue(row.next());
            assertFalse(row.getString(1).contains(InProcessS3Server.SECRET_KEY));
            assertTrue(row.getString(1).startsWith("v1:"));
        }
        Map<String, Object> withoutSecret = Map.of("endpoint", s3.endpoint().toString(), "region", InProcessS3Server.REGION,
                "bucket", "secrets", "accessKey", InProcessS3Server.ACCESS_KEY);
        given().contentType(ContentType.JSON).body(Map.of("name", "renamed-" + UUID.randomUUID(), "kind", "S3", "s3", withoutSecret))
                .put("/api/v1/repositories/{id}", id).then().statusCode(200).body("s3.secretKeySet", equalTo(true));
    }

    @Test
    void unreachableOrInvalidRepositoriesAreRejectedNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("name", "rel", "kind", "LOCAL", "path", "relative/dir"))
                .post("/api/v1/repositories").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("path"));
        given().contentType(ContentType.JSON).body(Map.of("name", "nos3", "kind", "S3"))
                .post("/api/v1/repositories").then().statusCode(400).body("errors.field", hasItem("s3"));
        Map<String, Object> unreachable = Map.of("endpoint", "http://127.0.0.1:1", "region", "us-east-1", "bucket", "b",
                "accessKey", "a", "secretKey", "s");
        given().contentType(ContentType.JSON).body(Map.of("name", "down-" + UUID.randomUUID(), "kind", "S3", "s3", unreachable))
                .post("/api/v1/repositories").then().statusCode(422).body("errors.field", hasItem("s3.endpoint"));
        given().get("/api/v1/repositories/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aRepositoryOnTheDefaultCredentialChainTakesNoKeysAndStoresNone() {
        Map<String, Object> withKeys = Map.of("endpoint", "http://127.0.0.1:1", "region", "eu-west-1",
                "bucket", "b", "credentials", "DEFAULT_CHAIN", "accessKey", "a", "secretKey", "s");
        given().contentType(ContentType.JSON).body(Map.of("name", "chain-" + UUID.randomUUID(), "kind", "S3", "s3", withKeys))
                .post("/api/v1/repositories").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("s3.accessKey"));
        Map<String, Object> unknownSource = Map.of("endpoint", "http://127.0.0.1:1", "region", "eu-west-1",
                "bucket", "b", "credentials", "INSTANCE_ONLY");
        given().contentType(ContentType.JSON).body(Map.of("name", "chain-" + UUID.randomUUID(), "kind", "S3", "s3", unknownSource))
                .post("/api/v1/repositories").then().statusCode(400);
    }

    @Test
    void readinessReportsADownRepositoryWithoutFailing() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-vanishing");
        String name = "vanishing-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "LOCAL", "path", directory.toString()))
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id");
        given().get("/q/health/ready").then().body("checks.find { it.name == 'repositories' }.data.'" + name + "'", equalTo("UP"));
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'repositories' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'repositories' }.data.'" + name + "'", containsString("DOWN"));
        given().delete("/api/v1/repositories/{id}", id).then().statusCode(204);
        // other tests may leave repositories of their own down, so only this one's absence is checked
        Map<String, Object> data = given().get("/q/health/ready").jsonPath().getMap("checks.find { it.name == 'repositories' }.data");
        assertTrue(data == null || !data.containsKey(name), "a deleted repository is no longer probed");
    }

    @Test
    void aRepositoryInUseCannotBeDeletedAndTheAnswerNamesWhoUsesIt() throws Exception {
        String id = localRepository("in-use");
        UUID policy = UUID.randomUUID();
        given().auth().oauth2(TestTokens.service("policy-service")).put("/api/v1/repositories/{id}/users/{policy}", id, policy)
                .then().statusCode(204);
        given().delete("/api/v1/repositories/{id}", id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(policy.toString()));
        given().auth().oauth2(TestTokens.service("policy-service")).delete("/api/v1/repositories/{id}/users/{policy}", id, policy)
                .then().statusCode(204);

        committedPointIn(id);
        given().delete("/api/v1/repositories/{id}", id).then().statusCode(409)
                .body("detail", containsString("1 committed restore points"));
        given().get("/api/v1/repositories/{id}", id).then().statusCode(200);
    }

    @Test
    void aPolicyCannotRegisterWithAnUnknownRepository() {
        given().auth().oauth2(TestTokens.service("policy-service"))
                .put("/api/v1/repositories/{id}/users/{policy}", UUID.randomUUID(), UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aLocalRepositoryKeepsItsPathOnceItHoldsData() throws Exception {
        String id = localRepository("anchored");
        String name = given().get("/api/v1/repositories/{id}", id).then().extract().path("name");
        Path elsewhere = Files.createTempDirectory("sfbackup-elsewhere");
        given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "LOCAL", "path", elsewhere.toString()))
                .put("/api/v1/repositories/{id}", id).then().statusCode(200);

        committedPointIn(id);
        Path third = Files.createTempDirectory("sfbackup-third");
        given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "LOCAL", "path", third.toString()))
                .put("/api/v1/repositories/{id}", id).then().statusCode(409).body("errors.field", hasItem("path"));
        given().get("/api/v1/repositories/{id}", id).then().statusCode(200).body("path", equalTo(elsewhere.toString()));
        given().contentType(ContentType.JSON).body(Map.of("name", name + "-renamed", "kind", "LOCAL", "path", elsewhere.toString()))
                .put("/api/v1/repositories/{id}", id).then().statusCode(200);
    }

    private static String localRepository(String prefix) throws java.io.IOException {
        Path directory = Files.createTempDirectory("sfbackup-" + prefix);
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", prefix + "-" + UUID.randomUUID(), "kind", "LOCAL", "path", directory.toString()))
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id");
    }

    private static void committedPointIn(String repositoryId) {
        Map<String, Object> open = Map.of("policyId", UUID.randomUUID(), "sessionId", UUID.randomUUID(), "orgId", "00D000000000001EAA",
                "object", "Account", "kind", "INITIAL", "repositoryId", repositoryId,
                "schema", Map.of("name", "Account", "fields", java.util.List.of(Map.of("name", "Id"))));
        String point = given().contentType(ContentType.JSON).body(open).post("/api/v1/restore-points").then().statusCode(201)
                .extract().path("id");
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/restore-points/" + point + "/commit").then().statusCode(200);
    }
}
