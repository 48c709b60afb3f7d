package dev.sfbackup.storage.export;

import static dev.sfbackup.storage.export.ExportFixtures.commit;
import static dev.sfbackup.storage.export.ExportFixtures.field;
import static dev.sfbackup.storage.export.ExportFixtures.ingest;
import static dev.sfbackup.storage.export.ExportFixtures.localRepository;
import static dev.sfbackup.storage.export.ExportFixtures.openObject;
import static dev.sfbackup.storage.export.ExportFixtures.openRunPoint;
import static dev.sfbackup.storage.export.ExportFixtures.putFile;
import static dev.sfbackup.storage.export.ExportFixtures.putMetadata;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sfbackup.security.Roles;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Exports: a CSV that parses back to the stored records, NDJSON, the policy ZIP, and bad parameters. */
@QuarkusTest
class ExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, Object>> ACCOUNT_FIELDS = List.of(field("Id", "id"), field("Name", "string"),
            field("Description", "textarea"), field("AnnualRevenue", "currency"), field("IsPartner", "boolean"),
            field("CreatedDate", "datetime"), field("LastActivityDate", "date"), field("BillingAddress", "address"),
            field("Logo__c", "base64"));

    private final UUID policy = UUID.randomUUID();

    /** Values a spreadsheet and Data Loader trip on: commas, quotes, line breaks, leading spaces, non-ASCII, empty. */
    private static String accounts(int count, long seed) throws IOException {
        Random random = new Random(seed);
        String[] tricky = {"Acme, Inc.", "Say \"hi\"", "two\r\nlines", "  padded ", "Zoë ✓ 中文", "=1+1", "", "#hash", "a\nb"};
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("attributes", Map.of("type", "Account"));
            record.put("Id", "001%015d".formatted(i));
            record.put("Name", tricky[random.nextInt(tricky.length)] + " " + i);
            if (random.nextBoolean()) {
                record.put("Description", tricky[random.nextInt(tricky.length)]);
            }
            record.put("AnnualRevenue", random.nextInt(3) == 0 ? null : random.nextInt(1_000_000) / 100.0);
            record.put("IsPartner", random.nextBoolean());
            record.put("CreatedDate", "2026-0%d-1%dT0%d:04:05.000+0000".formatted(1 + random.nextInt(9), random.nextInt(10), random.nextInt(10)));
            record.put("LastActivityDate", "2026-03-1" + random.nextInt(10));
            record.put("BillingAddress", Map.of("city", "Paris"));
            lines.append(JSON.writeValueAsString(record)).append('\n');
        }
        return lines.toString();
    }

    private String storeAccounts(int count) throws IOException {
        String point = openObject(policy, "Account", "INITIAL", ACCOUNT_FIELDS);
        ingest(point, 1, accounts(count, 17));
        commit(point);
        return point;
    }

    private static List<Map<String, String>> parseCsv(byte[] csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(new ByteArrayInputStream(csv))) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static List<JsonNode> storedRecords(String point) throws IOException {
        String ndjson = given().accept("application/x-ndjson").get("/api/v1/restore-points/" + point + "/objects/Account/records")
                .then().statusCode(200).extract().asString();
        List<JsonNode> records = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    @Test
    void csvParsesBackToTheStoredRecordsFieldByField() throws IOException {
        String point = storeAccounts(500);
        byte[] csv = given().auth().oauth2(TestTokens.operator()).get("/api/v1/restore-points/" + point + "/export?format=csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"Account-" + point + ".csv\""))
                .extract().asByteArray();

        String header = new String(csv, 0, 100, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertEquals("Id,Name,Description,AnnualRevenue,IsPartner,CreatedDate,LastActivityDate", header,
                "the describe's fields in describe order, without address and base64 fields");
        List<Map<String, String>> rows = parseCsv(csv);
        List<JsonNode> stored = storedRecords(point);
        assertEquals(500, rows.size());
        assertEquals(stored.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode record = stored.get(i);
            Map<String, String> row = rows.get(i);
            for (String column : header.split(",")) {
                JsonNode value = record.get(column);
                assertEquals(value == null ? "" : value.asText(), row.get(column), column + " of " + record.get("Id"));
            }
        }
        assertTrue(rows.stream().anyMatch(row -> row.get("CreatedDate").matches("2026-0\\d-1\\dT0\\d:04:05\\.000Z")),
                "date-times as Salesforce's Bulk API writes them");
        assertTrue(rows.stream().anyMatch(row -> row.get("Name").startsWith("two\r\nlines")), "line breaks survive in quotes");
    }

    @Test
    void ndjsonIsTheStoredRecords() throws IOException {
        String point = storeAccounts(20);
        String ndjson = given().auth().oauth2(TestTokens.operator()).get("/api/v1/restore-points/" + point + "/export?format=ndjson")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", containsString("Account-" + point + ".ndjson")).extract().asString();
        List<JsonNode> exported = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            exported.add(JSON.readTree(line));
        }
        assertEquals(storedRecords(point), exported);
    }

    @Test
    void policyZipHoldsEveryObjectItsDescribeTheFilesAndTheMetadata() throws Exception {
        String accounts = storeAccounts(30);
        String contacts = openObject(policy, "Contact", "INITIAL", List.of(field("Id", "id"), field("LastName", "string")));
        ingest(contacts, 1, "{\"Id\":\"003A\",\"LastName\":\"Curie\"}\n{\"Id\":\"003B\",\"LastName\":\"Noether\"}\n");
        commit(contacts);
        UUID repository = localRepository();
        String files = openRunPoint(policy, repository);
        byte[] pdf = new byte[3 * 1024 * 1024 + 11];
        new Random(3).nextBytes(pdf);
        putFile(files, "068A", "report.pdf", pdf);
        putFile(files, "068B", "../../etc/passwd", "not a path".getBytes(StandardCharsets.UTF_8));
        commit(files);
        String metadata = openRunPoint(policy, repository);
        putMetadata(metadata, "describeGlobal.json", "{\"sobjects\":[]}");
        putMetadata(metadata, "sobjects/Account.json", "{\"name\":\"Account\"}");
        commit(metadata);

        byte[] zip = given().auth().oauth2(TestTokens.operator()).queryParam("files", "true").queryParam("metadata", "true")
                .get("/api/v1/policies/" + policy + "/export").then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", startsWith("attachment; filename=\"policy-" + policy + "-"))
                .extract().asByteArray();

        Map<String, byte[]> entries = unzip(zip);
        assertEquals(List.of("Account.csv", "Account.describe.json", "Contact.csv", "Contact.describe.json",
                "files/068A/report.pdf", "files/068B/_.._etc_passwd", "metadata/describeGlobal.json",
                "metadata/sobjects/Account.json"), new ArrayList<>(entries.keySet()));
        byte[] accountCsv = given().auth().oauth2(TestTokens.operator()).get("/api/v1/restore-points/" + accounts + "/export")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(accountCsv, entries.get("Account.csv"));
        assertEquals("Id,LastName\r\n003A,Curie\r\n003B,Noether\r\n", new String(entries.get("Contact.csv"), StandardCharsets.UTF_8));
        assertEquals("Contact", JSON.readTree(entries.get("Contact.describe.json")).path("name").asText());
        assertArrayEquals(pdf, entries.get("files/068A/report.pdf"));
        assertEquals("{\"name\":\"Account\"}", new String(entries.get("metadata/sobjects/Account.json"), StandardCharsets.UTF_8));

        Map<String, byte[]> onlyContacts = unzip(given().auth().oauth2(TestTokens.operator()).queryParam("objects", "Contact")
                .get("/api/v1/policies/" + policy + "/export").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("Contact.csv", "Contact.describe.json"), new ArrayList<>(onlyContacts.keySet()));
    }

    @Test
    void anExportAsOfAnEarlierTimeHoldsTheRecordsOfThatTime() throws Exception {
        String first = openObject(policy, "Contact", "INITIAL", List.of(field("Id", "id"), field("LastName", "string")));
        ingest(first, 1, "{\"Id\":\"003A\",\"LastName\":\"Curie\"}\n");
        commit(first);
        String committedAt = given().get("/api/v1/restore-points/" + first).then().extract().path("committedAt");
        String second = openObject(policy, "Contact", "INCREMENTAL", List.of(field("Id", "id"), field("LastName", "string")));
        ingest(second, 1, "{\"Id\":\"003A\",\"LastName\":\"Sklodowska-Curie\"}\n");
        commit(second);

        for (String asOf : List.of(committedAt, first)) {
            Map<String, byte[]> entries = unzip(given().auth().oauth2(TestTokens.operator()).queryParam("asOf", asOf)
                    .get("/api/v1/policies/" + policy + "/export").then().statusCode(200).extract().asByteArray());
            assertEquals("Id,LastName\r\n003A,Curie\r\n", new String(entries.get("Contact.csv"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws IOException {
        String point = storeAccounts(1);
        given().get("/api/v1/restore-points/" + point + "/export?format=xlsx").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        given().get("/api/v1/restore-points/not-a-uuid/export").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().get("/api/v1/restore-points/" + UUID.randomUUID() + "/export").then().statusCode(404);
        String base = "/api/v1/policies/" + policy + "/export";
        given().queryParam("format", "tar").get(base).then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().queryParam("files", "yes").get(base).then().statusCode(400).body("errors[0].field", equalTo("files"));
        given().queryParam("asOf", "yesterday").get(base).then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().queryParam("objects", "Account,Lead").get(base).then().statusCode(400).body("errors[0].field", equalTo("objects"))
                .body("errors[0].message", containsString("Account"));
        given().get("/api/v1/policies/" + UUID.randomUUID() + "/export").then().statusCode(404);
    }

    @Test
    void anOperatorOfAnotherOrgFindsNothingToExport() {
        UUID orgA = UUID.randomUUID();
        String point = openObject(policy, "Contact", "INITIAL", List.of(field("Id", "id")), orgA);
        ingest(point, 1, "{\"Id\":\"003A\"}\n");
        commit(point);
        String otherOrg = TestTokens.of(Roles.OPERATOR, UUID.randomUUID());
        given().auth().oauth2(otherOrg).get("/api/v1/restore-points/" + point + "/export").then().statusCode(404);
        given().auth().oauth2(otherOrg).get("/api/v1/policies/" + policy + "/export").then().statusCode(404);
        given().auth().oauth2(otherOrg).queryParam("from", point).get("/api/v1/policies/" + policy + "/metadata/diff").then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.of(Roles.OPERATOR, orgA)).get("/api/v1/restore-points/" + point + "/export").then()
                .statusCode(200);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
