package dev.sfbackup.emulator.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.salesforce.SaveResult;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recycle bin through the connector: delete cascades, SOAP undelete() keeps ids, SOAP emptyRecycleBin() purges. */
@QuarkusTest
class RecycleBinContractTest {

    private static final String SOAP = "/services/Soap/u/62.0";

    @TestHTTPResource("/")
    URL root;

    private EmulatedOrg org;
    private SalesforceConnection connection;

    @BeforeEach
    void freshOrg() throws Exception {
        org = new EmulatedOrg(root.toURI());
        org.reset(Map.of("seed", 7, "objects", Map.of("Account", 60, "Contact", 300, "Opportunity", 120, "Case", 200)));
        connection = org.connect();
    }

    @Test
    void deletingAccountsTakesTheirChildrenAlongAndUndeleteBringsAllBackWithTheirIds() {
        List<String> accounts = ids("SELECT Id FROM Account ORDER BY Id LIMIT 5");
        Map<String, List<String>> children = childrenOf(accounts);
        assertFalse(children.get("Contact").isEmpty() || children.get("Opportunity").isEmpty() || children.get("Case").isEmpty(),
                "the picked accounts have children: " + children);

        List<SaveResult> deleted = connection.collections().delete(accounts, false);

        assertTrue(deleted.stream().allMatch(SaveResult::success), deleted.toString());
        children.forEach((object, ids) -> assertEquals(Map.of(true, ids.size()), deletedFlags(object, ids), object));

        List<SaveResult> undeleted = connection.undelete(accounts);

        assertEquals(accounts, undeleted.stream().map(SaveResult::id).toList());
        assertTrue(undeleted.stream().allMatch(SaveResult::success), undeleted.toString());
        children.forEach((object, ids) -> assertEquals(Map.of(false, ids.size()), deletedFlags(object, ids), object));
        assertEquals(Map.of(false, 5), deletedFlags("Account", accounts));
    }

    @Test
    void emptyingTheRecycleBinRemovesTheRecordsAndTheirCascadedChildrenForGood() {
        List<String> accounts = ids("SELECT Id FROM Account ORDER BY Id LIMIT 3");
        List<String> contacts = childrenOf(accounts).get("Contact");
        connection.collections().delete(accounts, false);

        List<SaveResult> childPurge = connection.emptyRecycleBin(List.of(contacts.get(0)));
        List<SaveResult> purged = connection.emptyRecycleBin(accounts);

        assertEquals("INVALID_ID_FIELD", childPurge.get(0).errors().get(0).statusCode(), "a cascaded child goes with its parent");
        assertTrue(purged.stream().allMatch(SaveResult::success), purged.toString());
        assertEquals(Map.of(), deletedFlags("Account", accounts), "queryAll no longer sees purged records");
        assertEquals(Map.of(), deletedFlags("Contact", contacts));
        SaveResult again = connection.undelete(List.of(accounts.get(0))).get(0);
        assertFalse(again.success());
        assertEquals("UNDELETE_FAILED", again.errors().get(0).statusCode());
    }

    @Test
    void undeleteOfALiveRecordFailsForThatIdOnly() {
        List<String> accounts = ids("SELECT Id FROM Account ORDER BY Id LIMIT 2");
        connection.collections().delete(List.of(accounts.get(1)), false);

        List<SaveResult> results = connection.undelete(accounts);

        assertEquals(new SaveResult(null, false, List.of(new SaveResult.SaveError("UNDELETE_FAILED",
                "Entity is not in the recycle bin", List.of()))), results.get(0));
        assertEquals(new SaveResult(accounts.get(1), true, List.of()), results.get(1));
    }

    @Test
    void aRevokedSessionIsRenewedForSoapCallsToo() {
        String account = ids("SELECT Id FROM Account ORDER BY Id LIMIT 1").get(0);
        connection.collections().delete(List.of(account), false);
        org.revokeSessions();

        assertTrue(connection.undelete(List.of(account)).get(0).success());
    }

    @Test
    void theEnvelopeIsSalesforcesWithFaultsAsHttp500() {
        String account = ids("SELECT Id FROM Account ORDER BY Id LIMIT 1").get(0);
        connection.collections().delete(List.of(account), false);
        String token = connection.authenticate().accessToken();

        given().contentType("text/xml; charset=UTF-8").header("SOAPAction", "\"\"").body(envelope(token, "undelete", account))
                .post(SOAP).then().statusCode(200)
                .body(containsString("<undeleteResponse><result><id>" + account + "</id><success>true</success></result>"))
                .body(containsString("<type>API REQUESTS</type>"));
        given().contentType("text/xml").body(envelope("not-a-session", "undelete", account)).post(SOAP).then().statusCode(500)
                .body(containsString("<faultcode>sf:INVALID_SESSION_ID</faultcode>"));
        given().contentType("text/xml").body(envelope(token, "merge", account)).post(SOAP).then().statusCode(500)
                .body(containsString("<faultcode>soapenv:Client</faultcode>"));
    }

    @Test
    void describeTellsWhatCascadesAndAccountsHaveParents() {
        SObjectDescribe account = connection.describe("Account");

        assertTrue(account.undeletable());
        assertTrue(account.childRelationships().contains(new SObjectDescribe.ChildRelationship("Contact", "AccountId", "Contacts", true)));
        assertTrue(account.childRelationships().contains(new SObjectDescribe.ChildRelationship("Opportunity", "AccountId", "Opportunities", true)));
        assertTrue(account.childRelationships().contains(new SObjectDescribe.ChildRelationship("Case", "AccountId", "Cases", true)));
        assertTrue(account.childRelationships().contains(new SObjectDescribe.ChildRelationship("Account", "ParentId", "ChildAccounts", false)));
        assertEquals(List.of("Account"), account.field("ParentId").orElseThrow().referenceTo());
        assertTrue(connection.describe("Case").field("CaseNumber").orElseThrow().autoNumber());
        long withParent = connection.query("SELECT Id, ParentId FROM Account").stream().filter(r -> !r.get("ParentId").isNull()).count();
        assertTrue(withParent > 3 && withParent < 30, withParent + " of 60 accounts have a parent");
    }

    private List<String> ids(String soql) {
        return connection.query(soql).stream().map(r -> r.get("Id").asText()).toList();
    }

    private Map<String, List<String>> childrenOf(List<String> accounts) {
        String in = accounts.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        Map<String, List<String>> children = new HashMap<>();
        for (String object : List.of("Contact", "Opportunity", "Case")) {
            children.put(object, ids("SELECT Id FROM " + object + " WHERE AccountId IN (" + in + ")"));
        }
        return children;
    }

    /** IsDeleted of the records as queryAll sees them, counted by value. */
    private Map<Boolean, Integer> deletedFlags(String object, List<String> ids) {
        String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        Map<Boolean, Integer> counts = new HashMap<>();
        for (ObjectNode record : connection.queryAll("SELECT Id, IsDeleted FROM " + object + " WHERE Id IN (" + in + ")").stream().toList()) {
            counts.merge(record.get("IsDeleted").asBoolean(), 1, Integer::sum);
        }
        return counts;
    }

    private static String envelope(String session, String operation, String id) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:urn=\"urn:partner.soap.sforce.com\"><soapenv:Header><urn:SessionHeader><urn:sessionId>" + session
                + "</urn:sessionId></urn:SessionHeader></soapenv:Header><soapenv:Body><urn:" + operation + "><urn:ids>" + id
                + "</urn:ids></urn:" + operation + "></soapenv:Body></soapenv:Envelope>";
    }
}
