package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The policy export equals the org it was taken from: the emulator's org is backed up (records, describes, file
 * bodies) through the real services, exported as storage-service's ZIP, and every CSV row is compared field by field
 * with the emulator's ground truth, every file byte for byte (SHA-256) with the body the org serves.
 */
class ExportGroundTruthIT {

    private static final List<String> OBJECTS = List.of("Account", "Contact", "Case");

    private static BackupSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = BackupSuite.shared();
    }


    @Test
    void theZipsCsvsAndFilesEqualTheOrgsRecordsAndBodies() throws IOException {
        suite.resetOrg(3, 25_000);
        UUID policy = suite.policy(OBJECTS, false, Map.of("parallelism", 2), suite.localRepository());
        assertEquals("SUCCESS", suite.runToEnd(policy).path("status").asText());

        byte[] zip = given().baseUri(suite.storage.url()).queryParam("format", "zip").queryParam("files", "true")
                .get("/api/v1/policies/" + policy + "/export").then().statusCode(200).extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);

        for (String object : OBJECTS) {
            Map<String, JsonNode> org = suite.orgRecords(object);
            List<Map<String, String>> rows = csv(entries.get(object + ".csv"));
            assertEquals(org.size(), rows.size(), object + ": one row per record of the org");
            String header = new String(entries.get(object + ".csv"), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            assertTrue(header.startsWith("Id,"), header);
            for (Map<String, String> row : rows) {
                JsonNode truth = org.get(row.get("Id"));
                assertTrue(truth != null, object + " " + row.get("Id") + " is in the org");
                row.forEach((field, value) -> assertTrue(OrgValues.same(new TextNode(value), truth.get(field)),
                        object + " " + row.get("Id") + "." + field + ": exported '" + value + "', org " + truth.get(field)));
            }
            JsonNode describe = BackupSuite.json(new String(entries.get(object + ".describe.json"), StandardCharsets.UTF_8));
            assertEquals(fieldNames(BackupSuite.json(new String(suite.salesforceGet("/services/data/v62.0/sobjects/" + object + "/describe"),
                    StandardCharsets.UTF_8))), fieldNames(describe), object + ": the describe beside the CSV is the org's");
        }
        OrgFiles files = new OrgFiles(suite.emulator.url());
        List<JsonNode> versions = files.query("SELECT Id FROM ContentVersion WHERE IsLatest = true");
        int exported = 0;
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().startsWith("files/")) {
                String version = entry.getKey().split("/")[1];
                assertEquals(files.bodySha256("ContentVersion", version, "VersionData"),
                        OrgFiles.sha256(new ByteArrayInputStream(entry.getValue())), entry.getKey() + " byte-identical");
                exported++;
            }
        }
        assertEquals(versions.size(), exported, "every file of the org is in the ZIP: " + entries.keySet());
    }

    private static Set<String> fieldNames(JsonNode describe) {
        Set<String> names = new TreeSet<>();
        describe.path("fields").forEach(field -> names.add(field.path("name").asText()));
        return names;
    }

    private static List<Map<String, String>> csv(byte[] csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(new ByteArrayInputStream(csv))) {
            it.forEachRemaining(rows::add);
        }
        return rows;
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
