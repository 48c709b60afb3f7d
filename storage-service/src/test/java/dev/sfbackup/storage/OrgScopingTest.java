package dev.sfbackup.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dev.sfbackup.security.Roles;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two orgs (connections A and B), each with a policy, a committed record point and a file point: a caller limited to
 * org A sees A's restore points, records, versions and files, and B's answer 404 as if they did not exist.
 */
@QuarkusTest
class OrgScopingTest {

    private static final String SHARED_ID = "001000000000001AAA";

    private final UUID orgA = UUID.randomUUID();
    private final UUID orgB = UUID.randomUUID();
    private final UUID policyA = UUID.randomUUID();
    private final UUID policyB = UUID.randomUUID();
    private String pointA;
    private String pointB;
    private String fileA;
    private String fileB;

    @BeforeEach
    void twoOrgs() throws Exception {
        UUID repository = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("name", "orgs-" + UUID.randomUUID(),
                "kind", "LOCAL", "path", Files.createTempDirectory("orgs").toString())).post("/api/v1/repositories")
                .then().statusCode(201).extract().path("id"));
        pointA = recordPoint(policyA, orgA, "Acme of A");
        pointB = recordPoint(policyB, orgB, "Acme of B");
        fileA = file(policyA, orgA, repository);
        fileB = file(policyB, orgB, repository);
    }

    private static String recordPoint(UUID policy, UUID org, String name) {
        String point = open(Map.of("policyId", policy, "sessionId", UUID.randomUUID(), "orgId", "00D000000000001EAA",
                "object", "Account", "kind", "INITIAL", "connectionId", org));
        given().contentType("application/x-ndjson").body(("{\"attributes\":{\"type\":\"Account\"},\"Id\":\"" + SHARED_ID
                + "\",\"Name\":\"" + name + "\"}\n").getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/restore-points/" + point + "/batches/1").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/restore-points/" + point + "/commit").then().statusCode(200);
        return point;
    }

    private static String file(UUID policy, UUID org, UUID repository) {
        String point = open(Map.of("policyId", policy, "sessionId", UUID.randomUUID(), "orgId", "00D000000000001EAA",
                "kind", "INITIAL", "repositoryId", repository, "connectionId", org));
        return given().contentType("application/octet-stream").body(("file of " + org).getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/restore-points/" + point + "/files/068" + org.toString().substring(0, 8)).then().statusCode(200)
                .extract().path("id");
    }

    private static String open(Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request).post("/api/v1/restore-points").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aViewerOfOneOrgSeesOnlyThatOrgsRestorePointsAndRecords() {
        String viewerOfA = TestTokens.of(Roles.VIEWER, orgA);
        given().auth().oauth2(viewerOfA).queryParam("object", "Account").queryParam("size", 200).get("/api/v1/restore-points")
                .then().statusCode(200).body("items.policyId", everyItem(equalTo(policyA.toString())));
        given().auth().oauth2(viewerOfA).queryParam("policyId", policyB).get("/api/v1/restore-points").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(viewerOfA).get("/api/v1/restore-points/" + pointA).then().statusCode(200);
        given().auth().oauth2(viewerOfA).get("/api/v1/restore-points/" + pointB).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(viewerOfA).get("/api/v1/restore-points/" + pointB + "/schema").then().statusCode(404);
        given().auth().oauth2(viewerOfA).get("/api/v1/restore-points/" + pointA + "/objects/Account/records").then().statusCode(200)
                .body(containsString("Acme of A"));
        given().auth().oauth2(viewerOfA).get("/api/v1/restore-points/" + pointB + "/objects/Account/records").then().statusCode(404);
        given().auth().oauth2(viewerOfA).get("/api/v1/restore-points/" + pointA + "/diff/" + pointB).then().statusCode(404);
        given().auth().oauth2(viewerOfA).queryParam("policyId", policyB).queryParam("at", "2099-01-01T00:00:00Z")
                .get("/api/v1/objects/Account/records").then().statusCode(404);
        given().auth().oauth2(viewerOfA).get("/api/v1/objects/Account/records/" + SHARED_ID + "/versions").then().statusCode(200)
                .body("policyId", everyItem(equalTo(policyA.toString())));
        given().auth().oauth2(viewerOfA).queryParam("policyId", policyB)
                .get("/api/v1/objects/Account/records/" + SHARED_ID + "/versions").then().statusCode(404);
        // a caller of every org sees both
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/restore-points/" + pointB + "/objects/Account/records")
                .then().statusCode(200).body(containsString("Acme of B"));
    }

    @Test
    void anOperatorOfOneOrgDownloadsOnlyThatOrgsFiles() {
        String operatorOfA = TestTokens.of(Roles.OPERATOR, orgA);
        given().auth().oauth2(operatorOfA).get("/api/v1/files/" + fileA + "/content").then().statusCode(200)
                .body(equalTo("file of " + orgA));
        given().auth().oauth2(operatorOfA).get("/api/v1/files/" + fileB + "/content").then().statusCode(404)
                .body(org.hamcrest.Matchers.not(containsString("file of")));
    }

    @Test
    void anAdminOfOneOrgRunsRetentionOnlyOnItsPoliciesAndCannotChangeSharedRepositories() {
        String adminOfA = TestTokens.of(Roles.ADMIN, orgA);
        given().auth().oauth2(adminOfA).contentType(ContentType.JSON).body(Map.of("policyId", policyB, "retentionDays", 0))
                .post("/api/v1/retention/run").then().statusCode(404);
        given().auth().oauth2(TestTokens.viewer()).queryParam("policyId", policyB).get("/api/v1/restore-points").then()
                .statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(adminOfA).contentType(ContentType.JSON).body(Map.of("name", "x-" + UUID.randomUUID(), "kind", "LOCAL",
                "path", "/tmp/never-created-" + UUID.randomUUID())).post("/api/v1/repositories").then().statusCode(403);
        given().auth().oauth2(adminOfA).get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void aPointWithoutARecordedOrgIsHiddenFromOrgLimitedCallers() {
        String legacy = open(Map.of("policyId", UUID.randomUUID(), "sessionId", UUID.randomUUID(), "orgId", "00D000000000001EAA",
                "object", "Account", "kind", "INITIAL"));
        given().auth().oauth2(TestTokens.of(Roles.VIEWER, orgA)).get("/api/v1/restore-points/" + legacy).then().statusCode(404);
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/restore-points/" + legacy).then().statusCode(200)
                .body("id", equalTo(legacy));
    }
}
