package dev.sfbackup.storage.erasure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.storage.erasure.service.ErasureService;
import dev.sfbackup.storage.repository.format.ContentRepository;
import dev.sfbackup.storage.repository.service.RepositoryService;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erase a Contact found by its email: no point-in-time read, version list, diff or export shows it afterwards, its
 * linked file is gone from every point and the repository holds none of that file's chunks any more (verify passes),
 * while the other Contact and its file are untouched.
 */
@QuarkusTest
class ErasureTest {

    private static final String ORG = "00D000000000001EAA";

    @Inject
    DataSource db;

    @Inject
    RepositoryService repositories;

    @Inject
    ErasureService erasures;

    private final UUID policy = UUID.randomUUID();
    private UUID repository;
    private java.nio.file.Path repositoryDirectory;
    private String contacts1;
    private String contacts2;
    private String janeFile;
    private String bobFile;
    private final byte[] janeBody = random(3 * 1024 * 1024, 1);
    private final byte[] bobBody = random(2 * 1024 * 1024, 2);

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private String open(String object, String kind) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("policyId", policy, "sessionId", UUID.randomUUID(), "orgId", ORG,
                "kind", kind, "repositoryId", repository));
        if (object != null) {
            body.put("object", object);
            List<String> fields = switch (object) {
                case "ContentDocumentLink" -> List.of("Id", "LinkedEntityId", "ContentDocumentId");
                case "ContentVersion" -> List.of("Id", "ContentDocumentId", "Title");
                case "Attachment" -> List.of("Id", "ParentId", "Name");
                default -> List.of("Id", "LastName", "Email");
            };
            body.put("schema", Map.of("name", object, "fields", fields.stream().map(name -> Map.of("name", name)).toList()));
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/restore-points").then().statusCode(201).extract().path("id");
    }

    private static void ingest(String point, String ndjson) {
        given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/restore-points/" + point + "/batches/1").then().statusCode(200);
    }

    private static void commit(String point) {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/restore-points/" + point + "/commit").then().statusCode(200);
    }

    private static String file(String point, String sourceId, byte[] body) {
        return given().contentType("application/octet-stream").queryParam("name", sourceId + ".pdf").body(body)
                .put("/api/v1/restore-points/" + point + "/files/" + sourceId).then().statusCode(200).extract().path("id");
    }

    @BeforeEach
    void backUpJaneAndBob() throws Exception {
        repositoryDirectory = Files.createTempDirectory("erasure");
        repository = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("name", "erasure-" + UUID.randomUUID(),
                "kind", "LOCAL", "path", repositoryDirectory.toString())).post("/api/v1/repositories")
                .then().statusCode(201).extract().path("id"));
        contacts1 = open("Contact", "INITIAL");
        ingest(contacts1, "{\"Id\":\"003J\",\"LastName\":\"Doe\",\"Email\":\"jane@example.com\"}\n"
                + "{\"Id\":\"003B\",\"LastName\":\"Bob\",\"Email\":\"bob@example.com\"}\n");
        commit(contacts1);
        contacts2 = open("Contact", "INCREMENTAL");
        ingest(contacts2, "{\"Id\":\"003J\",\"LastName\":\"Doe-Smith\",\"Email\":\"jane@example.com\"}\n");
        commit(contacts2);
        String links = open("ContentDocumentLink", "INITIAL");
        ingest(links, "{\"Id\":\"06AJ\",\"LinkedEntityId\":\"003J\",\"ContentDocumentId\":\"069J\"}\n"
                + "{\"Id\":\"06AB\",\"LinkedEntityId\":\"003B\",\"ContentDocumentId\":\"069B\"}\n");
        commit(links);
        String versions = open("ContentVersion", "INITIAL");
        ingest(versions, "{\"Id\":\"068J\",\"ContentDocumentId\":\"069J\",\"Title\":\"jane-passport\"}\n"
                + "{\"Id\":\"068B\",\"ContentDocumentId\":\"069B\",\"Title\":\"bob-cv\"}\n");
        commit(versions);
        String files = open(null, "INITIAL");
        janeFile = file(files, "068J", janeBody);
        bobFile = file(files, "068B", bobBody);
        commit(files);
    }

    private List<String> chunksOf(String fileId) throws Exception {
        List<String> chunks = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT chunk_id FROM stored_file_chunk WHERE file_id = ?")) {
            ps.setObject(1, UUID.fromString(fileId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chunks.add(rs.getString(1));
                }
            }
        }
        return chunks;
    }

    private String erase(Map<String, Object> where) {
        return given().auth().oauth2(TestTokens.admin()).header("X-Request-Id", "erase-" + policy).contentType(ContentType.JSON)
                .body(Map.of("policyId", policy, "object", "Contact", "where", where)).post("/api/v1/erasures").then()
                .statusCode(201)
                .body("status", equalTo("COMPLETED"))
                .body("criterion", equalTo("where:Email"))
                .body("records.recordId", containsInAnyOrder("003J", "068J"))
                .body("records.find { it.recordId == '003J' }.versions", equalTo(2))
                .body("files.sourceId", contains("068J"))
                .body("repositories[0].chunksRemoved", greaterThan(0))
                .body("repositories[0].problem", nullValue())
                .extract().path("id");
    }

    @Test
    void anErasedContactIsGoneFromEveryReadExportAndTheRepository() throws Exception {
        List<String> janeChunks = chunksOf(janeFile);
        ContentRepository content = repositories.openOrUnavailable(repositories.require(repository));
        assertTrue(janeChunks.stream().allMatch(content::contains));

        String erasure = erase(Map.of("Email", "JANE@example.com"));

        for (String point : List.of(contacts1, contacts2)) {
            String records = given().get("/api/v1/restore-points/" + point + "/objects/Contact/records").then().statusCode(200)
                    .extract().asString();
            assertEquals("{\"Email\":\"bob@example.com\",\"Id\":\"003B\",\"LastName\":\"Bob\"}\n", records);
            String csv = given().get("/api/v1/restore-points/" + point + "/export").then().statusCode(200).extract().asString();
            assertEquals("Id,LastName,Email\r\n003B,Bob,bob@example.com\r\n", csv);
        }
        given().queryParam("policyId", policy).get("/api/v1/objects/Contact/records/003J/versions").then().statusCode(404);
        String diff = given().get("/api/v1/restore-points/" + contacts1 + "/diff/" + contacts2).then().statusCode(200).extract().asString();
        assertEquals("", diff);
        given().get("/api/v1/files/" + janeFile + "/content").then().statusCode(404);
        assertArrayEquals(bobBody, given().get("/api/v1/files/" + bobFile + "/content").then().statusCode(200).extract().asByteArray());

        Map<String, byte[]> zip = unzip(given().queryParam("files", "true").get("/api/v1/policies/" + policy + "/export").then()
                .statusCode(200).extract().asByteArray());
        assertFalse(zip.containsKey("files/068J/068J.pdf"));
        assertArrayEquals(bobBody, zip.get("files/068B/068B.pdf"));
        String everything = new String(zip.get("Contact.csv"), StandardCharsets.UTF_8)
                + new String(zip.get("ContentVersion.csv"), StandardCharsets.UTF_8);
        assertFalse(everything.contains("jane") || everything.contains("003J") || everything.contains("068J"), everything);

        assertTrue(janeChunks.stream().noneMatch(content::contains), "the erased file's chunks left the repository index");
        ContentRepository reopened = repositories.openOrUnavailable(repositories.require(repository));
        assertTrue(janeChunks.stream().noneMatch(reopened::contains));
        given().post("/api/v1/repositories/" + repository + "/verify?readData=100").then().statusCode(200).body("ok", equalTo(true));

        String report = given().auth().oauth2(TestTokens.admin()).get("/api/v1/erasures/" + erasure).then().statusCode(200)
                .body("files[0].fileId", equalTo(janeFile)).body("completedAt", not(nullValue())).extract().asString();
        assertFalse(report.toLowerCase().contains("jane@") || report.contains("Doe"), "the report holds ids and hashes, no content");
        given().auth().oauth2(TestTokens.admin()).queryParam("action", "erasure.create").get("/api/v1/audit").then().statusCode(200)
                .body("items.find { it.requestId == 'erase-" + policy + "' }.outcome", equalTo("SUCCESS"));
    }

    @Test
    void badRequestsEraseNothing() {
        given().contentType(ContentType.JSON).body(Map.of("policyId", policy, "object", "Contact", "ids", List.of("003J"),
                "where", Map.of("Email", "x"))).post("/api/v1/erasures").then().statusCode(400).body("errors[0].field", equalTo("ids"));
        given().contentType(ContentType.JSON).body(Map.of("object", "Contact", "ids", List.of("003J"))).post("/api/v1/erasures")
                .then().statusCode(400).body("errors[0].field", equalTo("policyId"));
        given().contentType(ContentType.JSON).body(Map.of("policyId", policy, "object", "Lead", "ids", List.of("00QJ")))
                .post("/api/v1/erasures").then().statusCode(400).body("errors[0].field", equalTo("object"));
        given().contentType(ContentType.JSON).body(Map.of("policyId", policy, "object", "Contact", "where", Map.of("Email", " ")))
                .post("/api/v1/erasures").then().statusCode(400).body("errors[0].field", equalTo("where.Email"));
        assertEquals(2, given().get("/api/v1/restore-points/" + contacts1 + "/objects/Contact/records").then().statusCode(200)
                .extract().asString().lines().count());
    }

    @Test
    void erasingByIdRemovesTheRecordFromEveryPoint() {
        given().contentType(ContentType.JSON).body(Map.of("policyId", policy, "object", "Contact", "ids", List.of("003B")))
                .post("/api/v1/erasures").then().statusCode(201).body("criterion", equalTo("ids"))
                .body("records.recordId", containsInAnyOrder("003B", "068B")).body("files.sourceId", contains("068B"));
        assertEquals("{\"Email\":\"jane@example.com\",\"Id\":\"003J\",\"LastName\":\"Doe\"}\n",
                given().get("/api/v1/restore-points/" + contacts1 + "/objects/Contact/records").then().extract().asString());
        assertArrayEquals(janeBody, given().get("/api/v1/files/" + janeFile + "/content").then().statusCode(200).extract().asByteArray());
    }

    @Test
    void erasingAContactErasesItsAttachmentsAndTheirUniqueChunks() throws Exception {
        String attachments = open("Attachment", "INITIAL");
        ingest(attachments, "{\"Id\":\"00PJ\",\"ParentId\":\"003J\",\"Name\":\"jane-id-card.png\"}\n"
                + "{\"Id\":\"00PB\",\"ParentId\":\"003B\",\"Name\":\"bob-photo.png\"}\n");
        commit(attachments);
        String bodies = open(null, "INCREMENTAL");
        byte[] janeAttachmentBody = random(1024 * 1024, 3);
        String janeAttachment = file(bodies, "00PJ", janeAttachmentBody);
        String bobAttachment = file(bodies, "00PB", random(512 * 1024, 4));
        commit(bodies);
        List<String> chunks = chunksOf(janeAttachment);
        ContentRepository content = repositories.openOrUnavailable(repositories.require(repository));
        assertTrue(chunks.stream().allMatch(content::contains));

        given().contentType(ContentType.JSON).body(Map.of("policyId", policy, "object", "Contact", "ids", List.of("003J")))
                .post("/api/v1/erasures").then().statusCode(201).body("status", equalTo("COMPLETED"))
                .body("records.recordId", containsInAnyOrder("003J", "068J", "00PJ"))
                .body("files.sourceId", containsInAnyOrder("068J", "00PJ"));

        assertEquals("{\"Id\":\"00PB\",\"Name\":\"bob-photo.png\",\"ParentId\":\"003B\"}\n",
                given().get("/api/v1/restore-points/" + attachments + "/objects/Attachment/records").then().statusCode(200).extract().asString());
        given().get("/api/v1/files/" + janeAttachment + "/content").then().statusCode(404);
        given().get("/api/v1/files/" + bobAttachment + "/content").then().statusCode(200);
        assertTrue(chunks.stream().noneMatch(repositories.openOrUnavailable(repositories.require(repository))::contains),
                "the attachment's chunks left the repository");
        given().post("/api/v1/repositories/" + repository + "/verify?readData=100").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void anErasureWhoseRepositoryWasUnreachableIsRetriedUntilItCompletes() throws Exception {
        List<String> janeChunks = chunksOf(janeFile);
        java.nio.file.Path away = repositoryDirectory.resolveSibling(repositoryDirectory.getFileName() + "-away");
        Files.move(repositoryDirectory, away);
        String erasure;
        try {
            erasure = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("policyId", policy, "object", "Contact", "ids", List.of("003J"))).post("/api/v1/erasures").then()
                    .statusCode(201).body("status", equalTo("INCOMPLETE")).body("completedAt", nullValue())
                    .body("repositories[0].problem", containsString("retried")).extract().path("id");
            assertEquals(0, erasures.retryIncomplete(), "still unreachable: nothing done, still owed");
        } finally {
            Files.move(away, repositoryDirectory);
        }
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/erasures/" + erasure).then().statusCode(200)
                .body("status", equalTo("INCOMPLETE"));
        assertEquals("{\"Email\":\"bob@example.com\",\"Id\":\"003B\",\"LastName\":\"Bob\"}\n",
                given().get("/api/v1/restore-points/" + contacts1 + "/objects/Contact/records").then().extract().asString(),
                "the records are erased at once; only the repository waits");

        assertEquals(1, erasures.retryIncomplete());

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/erasures/" + erasure).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("completedAt", not(nullValue()))
                .body("repositories[0].problem", nullValue()).body("repositories[0].chunksRemoved", greaterThan(0));
        ContentRepository reopened = repositories.openOrUnavailable(repositories.require(repository));
        assertTrue(janeChunks.stream().noneMatch(reopened::contains), "the erased file's chunks left the repository");
        given().post("/api/v1/repositories/" + repository + "/verify?readData=100").then().statusCode(200).body("ok", equalTo(true));
        assertEquals(0, erasures.retryIncomplete(), "nothing is owed any more");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
