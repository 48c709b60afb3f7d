package dev.sfbackup.session.restore.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.sfbackup.salesforce.AccessToken;
import dev.sfbackup.salesforce.ConnectionOptions;
import dev.sfbackup.salesforce.SalesforceConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FieldGroupsTest {

    /** A connection that sends nothing: only its URL arithmetic (restQueryFits) is used. */
    private static final SalesforceConnection ORG = SalesforceConnection.create(HttpClient.newHttpClient(), () -> {
        throw new AssertionError("no request expected");
    }, ConnectionOptions.defaults());

    private static final UnaryOperator<String> BY_FULL_ID_LIST = select -> "SELECT " + select + " FROM Wide__c WHERE Id IN ("
            + Soql.longestIdList() + ")";

    @Test
    void theFieldsOfAnOrdinaryObjectStayInOneGroup() {
        List<String> fields = List.of("Name", "Industry", "BillingCity", "ParentId");

        FieldGroups groups = new FieldGroups(List.of("Id", "IsDeleted"), fields, BY_FULL_ID_LIST, ORG::restQueryFits);

        assertEquals(List.of(fields), groups.groups());
        assertEquals("Id, IsDeleted, Name, Industry, BillingCity, ParentId", groups.select(fields));
    }

    @Test
    void sevenHundredLongFieldNamesGoInSeveralGroupsEachOfWhichFitsInFieldOrder() {
        List<String> fields = IntStream.range(0, 700).mapToObj(i -> "A_Rather_Long_Custom_Field_Name_" + i + "__c").toList();
        FieldGroups groups = new FieldGroups(List.of("Id", "IsDeleted"), fields, BY_FULL_ID_LIST, ORG::restQueryFits);
        assertFalse(ORG.restQueryFits(BY_FULL_ID_LIST.apply(groups.select(fields))), "the whole SELECT does not fit");

        assertTrue(groups.groups().size() > 1, groups.groups().size() + " groups");
        groups.groups().forEach(group -> assertTrue(ORG.restQueryFits(BY_FULL_ID_LIST.apply(groups.select(group))),
                group.size() + " fields from " + group.getFirst()));
        assertEquals(fields, groups.groups().stream().flatMap(List::stream).toList(), "every field once, in order");
        groups.groups().forEach(group -> assertTrue(groups.select(group).startsWith("Id, IsDeleted, "), "keys in every query"));
    }

    @Test
    void aGroupIsFullWhenItsNextFieldWouldNotFit() {
        List<String> fields = List.of("A", "B", "C", "D", "E");
        // a query fits with at most two fields after the key
        FieldGroups groups = new FieldGroups(List.of("Id"), fields, select -> select, soql -> soql.split(", ").length <= 3);

        assertEquals(List.of(List.of("A", "B"), List.of("C", "D"), List.of("E")), groups.groups());
    }

    /** Each page of a query is a request the org counts against its daily API limit. */
    @Test
    void everyPageOfAGroupsQueryIsCountedAsAnApiCall() throws IOException {
        HttpServer org = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        org.createContext("/services/data/v62.0/query", exchange -> {
            String json = exchange.getRequestURI().getPath().endsWith("-2")
                    ? "{\"totalSize\": 3, \"done\": true, \"records\": [{\"Id\": \"001000000000003AAA\"}]}"
                    : "{\"totalSize\": 3, \"done\": false, \"nextRecordsUrl\": \"/services/data/v62.0/query/01gD0000002HU6KIAW-2\","
                            + " \"records\": [{\"Id\": \"001000000000001AAA\"}, {\"Id\": \"001000000000002AAA\"}]}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        org.start();
        try {
            URI instance = URI.create("http://127.0.0.1:" + org.getAddress().getPort());
            SalesforceConnection connection = SalesforceConnection.create(HttpClient.newHttpClient(),
                    () -> new AccessToken("00Dxx0000001gPL!token", instance, "Bearer", Instant.now(), null, null),
                    ConnectionOptions.defaults());
            FieldGroups groups = new FieldGroups(List.of("Id"), List.of(), select -> "SELECT " + select + " FROM Account",
                    connection::restQueryFits);
            ApiCalls calls = new ApiCalls();

            Map<String, ?> rows = groups.read(select -> connection.query("SELECT " + select + " FROM Account"), calls);

            assertEquals(3, rows.size());
            assertEquals(2, calls.take(), "one call per page");
        } finally {
            org.stop(0);
        }
    }
}
