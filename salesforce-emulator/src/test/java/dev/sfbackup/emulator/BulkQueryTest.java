package dev.sfbackup.emulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkQueryTest {

    @BeforeEach
    void smallOrg() {
        TestOrg.reset(Map.of("objects", Map.of("Account", 1200)));
    }

    @Test
    void queryJobGoesFromUploadCompleteToJobComplete() {
        String token = TestOrg.token();
        String jobId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("operation", "query", "query", "SELECT Id, Name FROM Account"))
                .post(TestOrg.DATA + "/jobs/query").then().statusCode(200)
                .body("id", matchesPattern("750\\w{15}"))
                .body("operation", equalTo("query"))
                .body("object", equalTo("Account"))
                .body("state", equalTo("UploadComplete"))
                .body("concurrencyMode", equalTo("Parallel"))
                .body("contentType", equalTo("CSV"))
                .body("apiVersion", equalTo(62.0f))
                .body("lineEnding", equalTo("LF"))
                .body("columnDelimiter", equalTo("COMMA"))
                .body("createdById", matchesPattern("005\\w{15}"))
                .body("createdDate", matchesPattern(".+\\.\\d{3}\\+0000"))
                .extract().path("id");
        String state = "";
        for (int poll = 0; poll < 5 && !state.equals("JobComplete"); poll++) {
            state = given().auth().oauth2(token).get(TestOrg.DATA + "/jobs/query/" + jobId).then().statusCode(200)
                    .body("jobType", equalTo("V2Query")).extract().path("state");
        }
        assertEquals("JobComplete", state);
        given().auth().oauth2(token).get(TestOrg.DATA + "/jobs/query/" + jobId).then()
                .body("numberRecordsProcessed", equalTo(1200));
    }

    @Test
    void resultsArePagedWithLocatorsUntilTheLiteralNull() throws IOException {
        String token = TestOrg.token();
        String jobId = completedJob(token, "SELECT Id, Name FROM Account", Map.of());
        List<String> locators = new ArrayList<>();
        int rows = 0;
        String locator = null;
        do {
            var request = given().auth().oauth2(token).queryParam("maxRecords", 500);
            if (locator != null) {
                request.queryParam("locator", locator);
            }
            Response page = request.get(TestOrg.DATA + "/jobs/query/" + jobId + "/results");
            page.then().statusCode(200).contentType(matchesPattern("text/csv.*")).header("Sforce-NumberOfRecords", notNullValue());
            int count = Integer.parseInt(page.header("Sforce-NumberOfRecords"));
            CsvRows csv = new CsvRows(new StringReader(page.asString()), ',');
            assertEquals(List.of("Id", "Name"), csv.next());
            int inPage = 0;
            while (csv.next() != null) {
                inPage++;
            }
            assertEquals(count, inPage);
            rows += inPage;
            locator = page.header("Sforce-Locator");
            locators.add(locator);
        } while (!"null".equals(locator));
        assertEquals(1200, rows);
        assertEquals(3, locators.size());
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksLikeRfc4180() throws IOException {
        String token = TestOrg.token();
        String soql = "SELECT Id, Name, Description, AnnualRevenue, CreatedDate FROM Account";
        JsonPath rest = JsonPath.from(given().auth().oauth2(token).header("Sforce-Query-Options", "batchSize=2000")
                .queryParam("q", soql).get(TestOrg.DATA + "/query").asString());
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> record : rest.<Map<String, Object>>getList("records")) {
            byId.put((String) record.get("Id"), record);
        }
        String jobId = completedJob(token, soql, Map.of());
        String body = given().auth().oauth2(token).get(TestOrg.DATA + "/jobs/query/" + jobId + "/results").asString();
        CsvRows csv = new CsvRows(new StringReader(body), ',');
        csv.next();
        int withNewline = 0;
        int withQuote = 0;
        for (List<String> row = csv.next(); row != null; row = csv.next()) {
            Map<String, Object> expected = byId.get(row.get(0));
            assertEquals(expected.get("Name"), row.get(1));
            assertEquals(expected.get("Description"), row.get(2));
            withNewline += row.get(2) != null && row.get(2).contains("\n") ? 1 : 0;
            withQuote += row.get(1).contains("\"") || (row.get(2) != null && row.get(2).contains("\"")) ? 1 : 0;
            assertTrue(row.get(4).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), row.get(4));
        }
        assertTrue(withNewline > 0, "some descriptions span lines");
        assertTrue(withQuote > 0, "some values hold quotes");
        assertTrue(body.contains("\"\""), "quotes inside values are doubled");
    }

    @Test
    void otherDelimitersAndLineEndingsAreHonoured() throws IOException {
        String token = TestOrg.token();
        String jobId = completedJob(token, "SELECT Id, Name FROM Account LIMIT 3", Map.of("columnDelimiter", "PIPE", "lineEnding", "CRLF"));
        String body = given().auth().oauth2(token).get(TestOrg.DATA + "/jobs/query/" + jobId + "/results").asString();
        assertTrue(body.startsWith("\"Id\"|\"Name\"\r\n"), body);
        CsvRows csv = new CsvRows(new StringReader(body), '|');
        csv.next();
        assertEquals(2, csv.next().size());
    }

    @Test
    void resultsAreGzippedWhenTheClientAsksForIt() throws IOException {
        String token = TestOrg.token();
        String jobId = completedJob(token, "SELECT Id, Name FROM Account", Map.of());
        Response gzipped = given().auth().oauth2(token).header("Accept-Encoding", "gzip")
                .get(TestOrg.DATA + "/jobs/query/" + jobId + "/results");
        gzipped.then().statusCode(200).header("Content-Encoding", "gzip").header("Sforce-NumberOfRecords", "1200");
        CsvRows csv = new CsvRows(new StringReader(gzipped.asString()), ',');
        assertEquals(List.of("Id", "Name"), csv.next());
    }

    @Test
    void queryAllJobIncludesDeletedRecords() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "delete", 4)).post("/emulator/admin/mutate").then().statusCode(200);
        String token = TestOrg.token();
        String jobId = completedJob(token, "SELECT Id, IsDeleted FROM Account WHERE IsDeleted = true", Map.of("operation", "queryAll"));
        given().auth().oauth2(token).get(TestOrg.DATA + "/jobs/query/" + jobId + "/results").then()
                .header("Sforce-NumberOfRecords", "4").header("Sforce-Locator", "null");
    }

    @Test
    void badJobsAreRejected() {
        TestOrg.api().contentType(ContentType.JSON).body(Map.of("operation", "query", "query", "SELECT Nope FROM Account"))
                .post(TestOrg.DATA + "/jobs/query").then().statusCode(400).body("[0].errorCode", equalTo("INVALID_FIELD"));
        TestOrg.api().contentType(ContentType.JSON).body(Map.of("operation", "insert", "query", "SELECT Id FROM Account"))
                .post(TestOrg.DATA + "/jobs/query").then().statusCode(400).body("[0].errorCode", equalTo("INVALIDJOB"));
        TestOrg.api().get(TestOrg.DATA + "/jobs/query/750Dn0000000000ZZZAAA").then().statusCode(404)
                .body("[0].errorCode", equalTo("NOT_FOUND"));
    }

    @Test
    void abortedJobHasNoResults() {
        String token = TestOrg.token();
        String jobId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("operation", "query", "query", "SELECT Id FROM Account"))
                .post(TestOrg.DATA + "/jobs/query").then().extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("state", "Aborted"))
                .patch(TestOrg.DATA + "/jobs/query/" + jobId).then().statusCode(200).body("state", equalTo("Aborted"));
        given().auth().oauth2(token).get(TestOrg.DATA + "/jobs/query/" + jobId + "/results").then().statusCode(400);
        given().auth().oauth2(token).delete(TestOrg.DATA + "/jobs/query/" + jobId).then().statusCode(204);
    }

    static String completedJob(String token, String soql, Map<String, String> options) {
        Map<String, Object> body = new HashMap<>(Map.of("operation", "query", "query", soql));
        body.putAll(options);
        String jobId = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(TestOrg.DATA + "/jobs/query").then().statusCode(200).extract().path("id");
        for (int poll = 0; poll < 10; poll++) {
            String state = given().auth().oauth2(token).get(TestOrg.DATA + "/jobs/query/" + jobId).then().extract().path("state");
            if (state.equals("JobComplete")) {
                return jobId;
            }
        }
        throw new AssertionError("job " + jobId + " did not complete");
    }
}
