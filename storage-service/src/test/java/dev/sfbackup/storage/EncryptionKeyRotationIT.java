package dev.sfbackup.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.sfbackup.storage.repository.backend.InProcessS3Server;
import dev.sfbackup.testing.EncryptionKeys;
import dev.sfbackup.testing.ServiceProcess;
import dev.sfbackup.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's key rotation, on the packaged service: a LOCAL repository with a backup cache and an S3 repository hold
 * files; after starting with the new key and the old one as previous, re-sealing and restarting with the new key
 * alone, every file reads back and verifies, while the new key alone could not open them before the re-seal.
 */
class EncryptionKeyRotationIT {

    private static final String DATABASE = "storage_key_rotation_it";
    private static final String OLD_KEY = EncryptionKeys.random();
    private static final String NEW_KEY = EncryptionKeys.random();

    private static ServiceProcess storage(boolean fresh, String key, String previous) {
        ServiceProcess.Builder builder = ServiceProcess.builder("storage-service");
        builder = fresh ? builder.freshDatabase(DATABASE) : builder.database(DATABASE);
        builder.config("backup.repositories.encryption-key", key).config("backup.cache.upload-every", "1h");
        if (previous != null) {
            builder.config("backup.repositories.previous-encryption-key", previous);
        }
        return builder.start();
    }

    private static RequestSpecification as(ServiceProcess service, String token) {
        return given().baseUri(service.url()).auth().oauth2(token);
    }

    private static String fileIn(ServiceProcess service, UUID repository, byte[] content) {
        String point = as(service, TestTokens.sessionService()).contentType(ContentType.JSON).body(Map.of("policyId", UUID.randomUUID(),
                "sessionId", UUID.randomUUID(), "orgId", "00D000000000001EAA", "kind", "INITIAL", "repositoryId", repository))
                .post("/api/v1/restore-points").then().statusCode(201).extract().path("id");
        String file = as(service, TestTokens.sessionService()).contentType("application/octet-stream").body(content)
                .put("/api/v1/restore-points/" + point + "/files/068" + repository.toString().substring(0, 6)).then().statusCode(200)
                .extract().path("id");
        as(service, TestTokens.sessionService()).contentType(ContentType.JSON).body("{}").post("/api/v1/restore-points/" + point + "/commit")
                .then().statusCode(200);
        return file;
    }

    private static byte[] download(ServiceProcess service, String file) {
        return as(service, TestTokens.operator()).get("/api/v1/files/" + file + "/content").then().statusCode(200).extract().asByteArray();
    }

    @Test
    void rotatingTheKeyKeepsEveryRepositoryAndFileReadable() throws Exception {
        byte[] localContent = new byte[3 * 1024 * 1024];
        byte[] s3Content = new byte[1024 * 1024 + 17];
        new Random(14).nextBytes(localContent);
        new Random(41).nextBytes(s3Content);
        try (InProcessS3Server s3 = new InProcessS3Server()) {
            String bucket = "rotation-" + UUID.randomUUID().toString().substring(0, 8);
            s3.createBucket(bucket);
            Path cache = Files.createTempDirectory("rotation-cache");
            UUID local;
            UUID remote;
            String localFile;
            String s3File;
            try (ServiceProcess service = storage(true, OLD_KEY, null)) {
                local = UUID.fromString(as(service, TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("name", "rotation-local",
                        "kind", "LOCAL", "path", Files.createTempDirectory("rotation-repo").toString())).post("/api/v1/repositories")
                        .then().statusCode(201).extract().path("id"));
                Map<String, Object> location = new LinkedHashMap<>(Map.of("endpoint", s3.endpoint().toString(), "region",
                        InProcessS3Server.REGION, "bucket", bucket, "prefix", "sfbackup", "accessKey", InProcessS3Server.ACCESS_KEY,
                        "secretKey", InProcessS3Server.SECRET_KEY, "pathStyle", true));
                remote = UUID.fromString(as(service, TestTokens.admin()).contentType(ContentType.JSON)
                        .body(Map.of("name", "rotation-s3", "kind", "S3", "s3", location)).post("/api/v1/repositories")
                        .then().statusCode(201).extract().path("id"));
                localFile = fileIn(service, local, localContent);
                s3File = fileIn(service, remote, s3Content);
                as(service, TestTokens.admin()).contentType(ContentType.JSON)
                        .body(Map.of("enabled", true, "path", cache.toString(), "maxBytes", 64L << 20))
                        .put("/api/v1/repositories/" + local + "/cache").then().statusCode(200);
            }
            try (ServiceProcess newKeyOnly = storage(false, NEW_KEY, null)) {
                as(newKeyOnly, TestTokens.operator()).get("/api/v1/files/" + localFile + "/content").then().statusCode(not(equalTo(200)));
            }
            try (ServiceProcess rotating = storage(false, NEW_KEY, OLD_KEY)) {
                assertArrayEquals(s3Content, download(rotating, s3File));
                // two repositories' keys, the S3 secret and the cache's copy of the LOCAL repository's keys
                as(rotating, TestTokens.admin()).post("/api/v1/encryption-key/reseal").then().statusCode(200)
                        .body("failures.size()", equalTo(0)).body("checked", equalTo(4)).body("resealed", equalTo(4));
                as(rotating, TestTokens.admin()).post("/api/v1/encryption-key/reseal").then().statusCode(200)
                        .body("resealed", equalTo(0));
            }
            try (ServiceProcess retired = storage(false, NEW_KEY, null)) {
                assertArrayEquals(localContent, download(retired, localFile));
                assertArrayEquals(s3Content, download(retired, s3File));
                for (UUID repository : new UUID[] {local, remote}) {
                    as(retired, TestTokens.operator()).post("/api/v1/repositories/" + repository + "/verify?readData=100").then()
                            .statusCode(200).body("ok", equalTo(true)).body("packsChecked", greaterThanOrEqualTo(1));
                }
                as(retired, TestTokens.viewer()).get("/api/v1/repositories/" + local + "/cache").then().statusCode(200)
                        .body("settings.enabled", equalTo(true));
            }
        }
    }
}
