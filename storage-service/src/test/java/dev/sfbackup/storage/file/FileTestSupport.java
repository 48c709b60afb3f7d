package dev.sfbackup.storage.file;

import static io.restassured.RestAssured.given;

import dev.sfbackup.storage.repository.backend.InProcessS3Server;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/** Shared set-up for the repository and file tests: repositories over HTTP, restore points straight in the table. */
final class FileTestSupport {

    private static InProcessS3Server s3;

    private FileTestSupport() {
    }

    /** One S3 server for the whole test JVM; never stopped, so repositories pointing at it stay healthy for later tests. */
    static synchronized InProcessS3Server s3() throws Exception {
        if (s3 == null) {
            s3 = new InProcessS3Server();
        }
        return s3;
    }

    static UUID createLocalRepository() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-repo");
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("name", "local-" + UUID.randomUUID(), "kind", "LOCAL", "path", directory.toString()))
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id"));
    }

    static UUID createS3Repository() throws Exception {
        String bucket = "files-" + UUID.randomUUID().toString().substring(0, 8);
        s3().createBucket(bucket);
        Map<String, Object> s3Location = Map.of("endpoint", s3().endpoint().toString(), "region", InProcessS3Server.REGION,
                "bucket", bucket, "prefix", "sfbackup", "accessKey", InProcessS3Server.ACCESS_KEY,
                "secretKey", InProcessS3Server.SECRET_KEY, "pathStyle", true);
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("name", "s3-" + bucket, "kind", "S3", "s3", s3Location))
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id"));
    }

    static UUID createRepository(String kind) throws Exception {
        return "S3".equals(kind) ? createS3Repository() : createLocalRepository();
    }

    static UUID openRestorePoint(DataSource db, UUID policyId, UUID repositoryId) throws Exception {
        return openRestorePoint(db, policyId, repositoryId, null);
    }

    /** connectionId: the org the point belongs to (null: recorded before orgs were, visible to callers of every org only). */
    static UUID openRestorePoint(DataSource db, UUID policyId, UUID repositoryId, UUID connectionId) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = db.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO restore_point (id, policy_id, session_id, org_id, object, kind, state, repository_id, connection_id)
                     VALUES (?, ?, ?, '00D000000000001', NULL, 'INITIAL', 'OPEN', ?, ?)""")) {
            insert.setObject(1, id);
            insert.setObject(2, policyId);
            insert.setObject(3, UUID.randomUUID());
            insert.setObject(4, repositoryId);
            insert.setObject(5, connectionId);
            insert.executeUpdate();
        }
        return id;
    }

    static void setState(DataSource db, UUID restorePointId, String state) throws Exception {
        try (Connection connection = db.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE restore_point SET state = ? WHERE id = ?")) {
            update.setString(1, state);
            update.setObject(2, restorePointId);
            update.executeUpdate();
        }
    }

    static long count(DataSource db, String sql, UUID parameter) throws Exception {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
