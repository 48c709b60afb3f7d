package dev.sfbackup.emulator.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.salesforce.SalesforceException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector's multipart insert ("Insert or Update Blob Data") against the emulator: a ContentVersion with a
 * ContentDocumentId is that document's new latest version, one without starts a document linked to its
 * FirstPublishLocationId, an Attachment keeps its body; bodies read back byte-identical.
 */
@QuarkusTest
class ContentInsertContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    private SalesforceConnection connection;

    @BeforeEach
    void freshOrg() throws Exception {
        EmulatedOrg org = new EmulatedOrg(root.toURI());
        org.reset(Map.of("seed", 11, "objects", Map.of("Account", 20), "files", Map.of("count", 3, "meanBytes", 5_000)));
        connection = org.connect();
    }

    @Test
    void aVersionWithItsDocumentIdBecomesThatDocumentsLatestVersion() throws Exception {
        ObjectNode first = one("SELECT Id, ContentDocumentId, Title FROM ContentVersion WHERE IsLatest = true ORDER BY Id LIMIT 1");
        String document = first.path("ContentDocumentId").asText();
        byte[] body = bytes(70_000, 1);

        String version = connection.insertWithBody("ContentVersion", fields("ContentDocumentId", document,
                "PathOnClient", "report.pdf", "Title", "Report v2"), "VersionData", "report.pdf", body.length,
                () -> new ByteArrayInputStream(body));

        assertArrayEquals(body, read("ContentVersion", version, "VersionData"));
        assertEquals(version, one("SELECT Id, LatestPublishedVersionId FROM ContentDocument WHERE Id = '" + document + "'")
                .path("LatestPublishedVersionId").asText());
        List<ObjectNode> versions = all("SELECT Id, IsLatest FROM ContentVersion WHERE ContentDocumentId = '" + document + "'");
        assertEquals(2, versions.size(), versions.toString());
        for (ObjectNode each : versions) {
            assertEquals(each.path("Id").asText().equals(version), each.path("IsLatest").asBoolean(), each.toString());
        }
        assertEquals(body.length, one("SELECT Id, ContentSize FROM ContentVersion WHERE Id = '" + version + "'")
                .path("ContentSize").asLong());
    }

    @Test
    void aVersionWithoutDocumentStartsOneLinkedToWhereItWasFirstPublished() throws Exception {
        String account = one("SELECT Id FROM Account ORDER BY Id LIMIT 1").path("Id").asText();
        byte[] body = "a small text file\n".repeat(100).getBytes(StandardCharsets.UTF_8);

        String version = connection.insertWithBody("ContentVersion", fields("PathOnClient", "notes \"1\".txt",
                "FirstPublishLocationId", account), "VersionData", "notes \"1\".txt", body.length, () -> new ByteArrayInputStream(body));

        String document = one("SELECT Id, ContentDocumentId FROM ContentVersion WHERE Id = '" + version + "'")
                .path("ContentDocumentId").asText();
        assertTrue(document.startsWith("069"), document);
        List<ObjectNode> links = all("SELECT Id, LinkedEntityId FROM ContentDocumentLink WHERE ContentDocumentId = '" + document + "'");
        assertEquals(List.of(account), links.stream().map(link -> link.path("LinkedEntityId").asText()).toList());
        assertArrayEquals(body, read("ContentVersion", version, "VersionData"));
        assertEquals("notes \"1\"", one("SELECT Id, Title FROM ContentVersion WHERE Id = '" + version + "'").path("Title").asText(),
                "Title defaults to the file name without its extension");
    }

    @Test
    void deletingADocumentTakesItsVersionsAndLinksAndANewVersionOfItIsRefused() throws Exception {
        ObjectNode first = one("SELECT Id, ContentDocumentId FROM ContentVersion ORDER BY Id LIMIT 1");
        String document = first.path("ContentDocumentId").asText();
        assertEquals(1, all("SELECT Id FROM ContentDocumentLink WHERE ContentDocumentId = '" + document + "'").size());

        assertTrue(connection.collections().delete(List.of(document), false).get(0).success());

        assertTrue(all("SELECT Id FROM ContentVersion WHERE Id = '" + first.path("Id").asText() + "'").isEmpty());
        assertTrue(all("SELECT Id FROM ContentDocumentLink WHERE ContentDocumentId = '" + document + "'").isEmpty());
        SalesforceException refused = assertThrows(SalesforceException.class, () -> connection.insertWithBody("ContentVersion",
                fields("ContentDocumentId", document, "PathOnClient", "x.bin"), "VersionData", "x.bin", 1,
                () -> new ByteArrayInputStream(new byte[] {1})));
        assertEquals("ENTITY_IS_DELETED", refused.errorCode());
    }

    @Test
    void anAttachmentKeepsItsBodyStreamedOnce() throws Exception {
        String account = one("SELECT Id FROM Account ORDER BY Id LIMIT 1").path("Id").asText();
        byte[] body = bytes(3_000_000, 2);
        AtomicInteger opened = new AtomicInteger();

        String attachment = connection.insertWithBody("Attachment", fields("ParentId", account, "Name", "scan.bin"), "Body",
                "scan.bin", body.length, () -> {
                    opened.incrementAndGet();
                    return new ByteArrayInputStream(body);
                });

        assertEquals(1, opened.get());
        assertArrayEquals(body, read("Attachment", attachment, "Body"));
        assertEquals(body.length, one("SELECT Id, BodyLength FROM Attachment WHERE Id = '" + attachment + "'").path("BodyLength").asLong());
        assertTrue(attachment.startsWith("00P"), attachment);
    }

    private static ObjectNode fields(String... namesAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node;
    }

    private static byte[] bytes(int size, long seed) {
        byte[] body = new byte[size];
        new Random(seed).nextBytes(body);
        return body;
    }

    private byte[] read(String object, String id, String field) throws Exception {
        try (InputStream in = connection.openBlob(object, id, field)) {
            return in.readAllBytes();
        }
    }

    private ObjectNode one(String soql) {
        List<ObjectNode> rows = all(soql);
        assertEquals(1, rows.size(), soql + " → " + rows);
        return rows.get(0);
    }

    private List<ObjectNode> all(String soql) {
        List<ObjectNode> rows = new ArrayList<>();
        try (var query = connection.query(soql)) {
            query.forEachRemaining(rows::add);
        }
        return rows;
    }
}
