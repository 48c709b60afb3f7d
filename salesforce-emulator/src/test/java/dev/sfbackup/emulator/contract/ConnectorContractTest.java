package dev.sfbackup.emulator.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.ApiUsage;
import dev.sfbackup.salesforce.AuthenticationException;
import dev.sfbackup.salesforce.BulkQuery;
import dev.sfbackup.salesforce.BulkRows;
import dev.sfbackup.salesforce.ConnectionOptions;
import dev.sfbackup.salesforce.DeletedRecords;
import dev.sfbackup.salesforce.GlobalDescribe;
import dev.sfbackup.salesforce.InvalidFieldException;
import dev.sfbackup.salesforce.MalformedQueryException;
import dev.sfbackup.salesforce.OAuthTokenSource;
import dev.sfbackup.salesforce.ObjectEligibility;
import dev.sfbackup.salesforce.QueryTimeoutException;
import dev.sfbackup.salesforce.RequestLimitExceededException;
import dev.sfbackup.salesforce.RestQuery;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.salesforce.SaveResult;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector, written against Salesforce's documented protocol, works against the emulator unchanged. */
@QuarkusTest
class ConnectorContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    private EmulatedOrg org;

    @BeforeEach
    void freshOrg() throws Exception {
        org = new EmulatedOrg(root.toURI());
        org.reset(Map.of("seed", 42, "objects", Map.of("Account", 1_000, "Contact", 2_500, "Case", 600),
                "files", Map.of("count", 5, "meanBytes", 300_000)));
    }

    @Test
    void theDocumentedApiVersionsAndObjectsAreServed() {
        SalesforceConnection connection = org.connect();

        Set<String> versions = connection.versions().stream().map(v -> v.version()).collect(Collectors.toSet());
        GlobalDescribe global = connection.describeGlobal();

        assertTrue(versions.containsAll(List.of("58.0", "59.0", "60.0", "61.0", "62.0")), "versions " + versions);
        for (String name : List.of("Account", "Contact", "Opportunity", "Case", "User", "ContentVersion",
                "AssetAttribute", "ContentWorkspaceMember")) {
            assertTrue(global.find(name).isPresent(), name + " in describeGlobal");
        }
        assertEquals(URI.create(root.toString().replaceAll("/$", "")).getPort(),
                connection.authenticate().instanceUrl().getPort());
    }

    @Test
    void wrongCredentialsAreRefusedWithSalesforcesOAuthError() {
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> org.connectAs("demo-client", "wrong-secret").describeGlobal());

        assertTrue(Set.of("invalid_client", "invalid_grant").contains(refused.errorCode()), refused.errorCode());
    }

    @Test
    void jwtBearerFlowSignsInWithAnRs256Assertion() throws Exception {
        var http = SalesforceConnection.defaultHttpClient();
        var key = java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String audience = root.toString().replaceAll("/$", "");
        SalesforceConnection connection = SalesforceConnection.create(http, OAuthTokenSource.jwtBearer(http, root.toURI(),
                "demo-client", "admin@demo.example", key, audience), EmulatedOrg.fastOptions());
        SalesforceConnection unknownApp = SalesforceConnection.create(http, OAuthTokenSource.jwtBearer(http, root.toURI(),
                "someone-else", "admin@demo.example", key, audience), EmulatedOrg.fastOptions());

        assertTrue(connection.describeGlobal().find("Account").isPresent());
        assertThrows(AuthenticationException.class, unknownApp::describeGlobal);
    }

    @Test
    void describeGivesTheIncrementalFieldAndTheRelationships() {
        SalesforceConnection connection = org.connect();

        SObjectDescribe contact = connection.describe("Contact");
        SObjectDescribe assetAttribute = connection.describe("AssetAttribute");
        SObjectDescribe workspaceMember = connection.describe("ContentWorkspaceMember");

        assertEquals(Optional.of("SystemModstamp"), contact.incrementalField());
        assertEquals(List.of("Account"), contact.field("AccountId").orElseThrow().referenceTo());
        assertEquals("reference", contact.field("AccountId").orElseThrow().type());
        assertEquals(Optional.empty(), assetAttribute.incrementalField());
        assertEquals(Optional.empty(), workspaceMember.incrementalField());
        assertTrue(ObjectEligibility.classify(contact).backedUp());
    }

    @Test
    void describesKeepPicklistValuesSoAComparisonSeesThemChange() {
        SalesforceConnection connection = org.connect();

        List<dev.sfbackup.salesforce.PicklistValue> types = connection.describe("Account").field("Type").orElseThrow().picklistValues();

        assertEquals(List.of("Prospect", "Customer - Direct", "Customer - Channel", "Partner", "Other"),
                types.stream().map(dev.sfbackup.salesforce.PicklistValue::value).toList());
        assertTrue(types.stream().allMatch(dev.sfbackup.salesforce.PicklistValue::active), types.toString());
        assertEquals(List.of(), connection.describe("Account").field("Name").orElseThrow().picklistValues());
    }

    @Test
    void recordCountsMatchTheOrg() {
        Map<String, Long> counts = org.connect().recordCounts(List.of("Account", "Contact"));

        assertEquals(1_000L, counts.get("Account"));
        assertEquals(2_500L, counts.get("Contact"));
    }

    @Test
    void restQueryPagesThroughEveryRecordWithTheRequestedBatchSize() {
        SalesforceConnection connection = org.connect(EmulatedOrg.fastOptions().withQueryBatchSize(200));

        RestQuery<ObjectNode> query = connection.query("SELECT Id, Name, SystemModstamp FROM Account");
        List<String> ids = query.stream().map(r -> r.get("Id").asText()).toList();

        assertEquals(1_000, query.totalSize());
        assertEquals(5, query.pagesFetched());
        assertEquals(new HashSet<>(org.groundTruthIds("Account")), new HashSet<>(ids));
        assertEquals(1_000, ids.size());
    }

    @Test
    void queryAllAndGetDeletedSeeRecordsDeletedInTheOrg() {
        Instant before = Instant.now().minusSeconds(60);
        List<String> deleted = org.mutate(Map.of("object", "Contact", "delete", 3)).get("deleted");
        SalesforceConnection connection = org.connect();

        List<ObjectNode> all = connection.queryAll("SELECT Id, IsDeleted FROM Contact").stream().toList();
        List<String> live = connection.query("SELECT Id FROM Contact").stream().map(r -> r.get("Id").asText()).toList();
        DeletedRecords log = connection.getDeleted("Contact", before, Instant.now().plusSeconds(60));

        assertEquals(2_500, all.size());
        assertEquals(Set.copyOf(deleted), all.stream().filter(r -> r.get("IsDeleted").asBoolean())
                .map(r -> r.get("Id").asText()).collect(Collectors.toSet()));
        assertEquals(2_497, live.size());
        assertEquals(Set.copyOf(deleted), log.deletedRecords().stream().map(DeletedRecords.DeletedRecord::id)
                .collect(Collectors.toSet()));
    }

    @Test
    void bulkQueryReadsEveryRecordAcrossLocatorChunks() {
        SalesforceConnection connection = org.connect(EmulatedOrg.fastOptions()
                .withBulk(300, Duration.ofMillis(20), Duration.ofMinutes(2)));
        SObjectDescribe contact = connection.describe("Contact");
        BulkQuery query = connection.bulkQuery("SELECT " + String.join(", ", contact.bulkSelectableFieldNames())
                + " FROM Contact");

        List<String> ids = new ArrayList<>();
        try (BulkRows rows = query.rows()) {
            rows.forEachRemaining(row -> ids.add(row.get("Id")));
            assertEquals(9, rows.chunksFetched());
            assertEquals(2_500, rows.reportedRecords());
            assertEquals(contact.bulkSelectableFieldNames(), rows.columns());
        }

        assertEquals(2_500, ids.size());
        assertEquals(new HashSet<>(org.groundTruthIds("Contact")), new HashSet<>(ids));
    }

    @Test
    void fileBodiesStreamWithTheirRecordedSize() throws Exception {
        SalesforceConnection connection = org.connect();
        ObjectNode version = connection.query("SELECT Id, ContentSize FROM ContentVersion").next();

        long read = 0;
        try (InputStream body = connection.openBlob("ContentVersion", version.get("Id").asText(), "VersionData")) {
            byte[] buffer = new byte[8192];
            for (int n; (n = body.read(buffer)) > 0; ) {
                read += n;
            }
        }

        assertEquals(version.get("ContentSize").asLong(), read);
    }

    @Test
    void documentedErrorCodesArriveAsTypedExceptions() {
        SalesforceConnection connection = org.connect();

        assertThrows(InvalidFieldException.class, () -> connection.query("SELECT Id, Nmae FROM Account").hasNext());
        assertThrows(MalformedQueryException.class, () -> connection.query("SELECT Id FROM").hasNext());
        org.fault(Map.of("object", "Contact", "errorCode", "QUERY_TIMEOUT", "times", -1));
        assertThrows(QueryTimeoutException.class, () -> connection.query("SELECT Id FROM Contact").hasNext());
    }

    @Test
    void requestLimitExceededIsNotRetried() {
        SalesforceConnection connection = org.connect();
        connection.authenticate();
        org.fault(Map.of("errorCode", "REQUEST_LIMIT_EXCEEDED", "times", -1));
        long sentBefore = connection.requestsSent();

        var error = assertThrows(RequestLimitExceededException.class, connection::describeGlobal);

        assertEquals(403, error.httpStatus());
        assertEquals(sentBefore + 1, connection.requestsSent());
    }

    @Test
    void transientFaultsAreRetriedUntilTheySucceed() {
        SalesforceConnection connection = org.connect();
        connection.authenticate();
        org.fault(Map.of("errorCode", "SERVER_UNAVAILABLE", "times", 2));

        assertTrue(connection.describeGlobal().find("Account").isPresent());
        assertEquals(3, connection.requestsSent());
    }

    @Test
    void aRevokedSessionIsRenewedOnceAndTheCallSucceeds() {
        SalesforceConnection connection = org.connect();
        String first = connection.authenticate().accessToken();
        org.revokeSessions();

        assertTrue(connection.describeGlobal().find("Account").isPresent());
        assertFalse(first.equals(connection.authenticate().accessToken()), "a new token was fetched");
    }

    @Test
    void everyResponseReportsApiUsage() {
        List<ApiUsage> reports = new ArrayList<>();
        SalesforceConnection connection = org.connect(EmulatedOrg.fastOptions().withUsageListener(reports::add));

        connection.describeGlobal();
        connection.describe("Account");

        assertEquals(2, reports.size());
        assertTrue(reports.get(1).used() > reports.get(0).used());
        assertTrue(reports.get(1).limit() > 0);
    }

    @Test
    void sObjectCollectionsCreateAndUpdateWithPerRecordErrors() {
        SalesforceConnection connection = org.connect();
        String owner = anyUserId(connection);
        List<ObjectNode> accounts = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            accounts.add(JSON.createObjectNode().put("Name", "Restored " + i).put("OwnerId", owner));
        }

        List<SaveResult> created = connection.collections().create("Account", accounts, false);
        assertEquals(250, created.stream().filter(SaveResult::success).count(), () -> "create results " + created.subList(0, 2));
        ObjectNode rename = JSON.createObjectNode().put("Id", created.get(0).id()).put("Name", "Renamed");
        String deletedId = created.get(1).id();
        assertTrue(connection.collections().delete(List.of(deletedId), false).get(0).success());
        ObjectNode gone = JSON.createObjectNode().put("Id", deletedId).put("Name", "Too late");
        List<SaveResult> updated = connection.collections().update("Account", List.of(rename, gone), false);

        assertEquals(1_249, org.groundTruthIds("Account").size());
        assertTrue(updated.get(0).success());
        assertFalse(updated.get(1).success());
        assertFalse(updated.get(1).errors().isEmpty(), "a deleted record cannot be updated");
        assertEquals("Renamed", connection.query("SELECT Name FROM Account WHERE Id = '" + created.get(0).id() + "'")
                .next().get("Name").asText());
    }

    @Test
    void allOrNoneRollsBackTheWholeCall() {
        SalesforceConnection connection = org.connect();
        String owner = anyUserId(connection);
        List<ObjectNode> records = List.of(JSON.createObjectNode().put("Name", "Fine").put("OwnerId", owner),
                JSON.createObjectNode().put("OwnerId", owner));

        List<SaveResult> results = connection.collections().create("Account", records, true);

        assertTrue(results.stream().noneMatch(SaveResult::success));
        assertEquals("REQUIRED_FIELD_MISSING", results.get(1).errors().get(0).statusCode());
        assertEquals(1_000, org.groundTruthIds("Account").size());
    }

    /** Restores carry OwnerId from the backup, as these records do. */
    private static String anyUserId(SalesforceConnection connection) {
        return connection.query("SELECT Id FROM User").next().get("Id").asText();
    }

    @Test
    void anOldApiVersionStillAnswers() {
        ConnectionOptions v58 = EmulatedOrg.fastOptions().withApiVersion("58.0");

        assertInstanceOf(GlobalDescribe.class, org.connect(v58).describeGlobal());
    }
}
