package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.salesforce.RecordedOrg.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecycleBinCallsTest {

    private static final String SOAP = "/services/Soap/u/62.0";
    private static final Pattern IDS = Pattern.compile("<urn:ids>([^<]*)</urn:ids>");
    private static final Pattern SESSION = Pattern.compile("<urn:SessionHeader><urn:sessionId>([^<]*)</urn:sessionId>");

    private final RecordedOrg org = new RecordedOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void undeleteSendsTheDocumentedEnvelopeAndReadsOneResultPerId() {
        org.on("POST " + SOAP, Reply.of(200, "text/xml; charset=utf-8", "soap/undelete-mixed.xml"));
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions());

        List<SaveResult> results = connection.undelete(List.of("001D000000IqhSLIAZ", "001D000000IqhSMIAZ"));

        assertEquals(new SaveResult("001D000000IqhSLIAZ", true, List.of()), results.get(0));
        assertFalse(results.get(1).success());
        assertNull(results.get(1).id());
        assertEquals(new SaveResult.SaveError("UNDELETE_FAILED", "Entity is not in the recycle bin", List.of()),
                results.get(1).errors().get(0));
        RecordedOrg.Received call = org.received("POST", SOAP).get(0);
        assertEquals("\"\"", call.header("SOAPAction"));
        assertTrue(call.header("Content-Type").startsWith("text/xml"));
        assertEquals(List.of("001D000000IqhSLIAZ", "001D000000IqhSMIAZ"), matches(IDS, call.body()));
        assertEquals(List.of(connection.authenticate().accessToken()), matches(SESSION, call.body()));
        assertTrue(call.body().contains("<urn:undelete>"), call.body());
        assertEquals(new ApiUsage(1204, 15000, connection.apiUsage().orElseThrow().observedAt()), connection.apiUsage().orElseThrow());
    }

    @Test
    void emptyRecycleBinIsSentIn200IdCallsAndTheResultsKeepTheOrderOfTheIds() {
        List<String> ids = IntStream.range(0, 450).mapToObj(i -> String.format("001D%014d", i)).toList();
        org.on("POST " + SOAP, reply("emptyRecycleBin", ids.subList(0, 200)), reply("emptyRecycleBin", ids.subList(200, 400)),
                reply("emptyRecycleBin", ids.subList(400, 450)));

        List<SaveResult> results = org.connect(RecordedOrg.fastOptions()).emptyRecycleBin(ids);

        assertEquals(ids, results.stream().map(SaveResult::id).toList());
        List<RecordedOrg.Received> calls = org.received("POST", SOAP);
        assertEquals(List.of(200, 200, 50), calls.stream().map(c -> matches(IDS, c.body()).size()).toList());
        assertEquals(ids.subList(200, 400), matches(IDS, calls.get(1).body()));
        assertTrue(calls.get(0).body().contains("<urn:emptyRecycleBin>"));
    }

    @Test
    void anInvalidSessionFaultFetchesANewTokenAndSendsTheCallAgainWithIt() {
        org.on("POST " + SOAP, Reply.of(500, "text/xml", "soap/fault-invalid-session.xml"),
                Reply.of(200, "text/xml", "soap/undelete-mixed.xml"));

        List<SaveResult> results = org.connect(RecordedOrg.fastOptions()).undelete(List.of("001D000000IqhSLIAZ", "001D000000IqhSMIAZ"));

        assertEquals(2, results.size());
        assertEquals(2, org.received("POST", "/services/oauth2/token").size());
        assertEquals(2, org.received("POST", SOAP).size());
    }

    @Test
    void otherFaultsArePermanentErrorsWithTheirCode() {
        org.on("POST " + SOAP, Reply.of(500, "text/xml", "soap/fault-invalid-id.xml"));

        SalesforceException error = assertThrows(SalesforceException.class,
                () -> org.connect(RecordedOrg.fastOptions()).undelete(List.of("001xx")));

        assertEquals("INVALID_ID_FIELD", error.errorCode());
        assertFalse(error.isTransient());
        assertEquals(1, org.received("POST", SOAP).size(), "a permanent fault is not retried");
    }

    private static Reply reply(String operation, List<String> ids) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope "
                + "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\"urn:partner.soap.sforce.com\"><soapenv:Body><"
                + operation + "Response>");
        ids.forEach(id -> xml.append("<result><id>").append(id).append("</id><success>true</success></result>"));
        xml.append("</").append(operation).append("Response></soapenv:Body></soapenv:Envelope>");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        return new Reply(200, Map.of("Content-Type", "text/xml"), out -> out.write(body));
    }

    private static List<String> matches(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
