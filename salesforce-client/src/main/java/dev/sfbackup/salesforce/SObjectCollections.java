package dev.sfbackup.salesforce;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * sObject Collections ({@code /composite/sobjects}): create and update up to {@value #MAX_RECORDS_PER_CALL} records a
 * call; longer lists are split. Results come back in the order of the records, one {@link SaveResult} each.
 * With {@code allOrNone} a failing record rolls back its call (other calls of a split list are independent).
 */
public final class SObjectCollections {

    public static final int MAX_RECORDS_PER_CALL = 200;

    private static final TypeReference<List<SaveResult>> RESULTS = new TypeReference<>() { };

    private final ApiTransport transport;
    private final ObjectMapper json;
    private final String path;

    SObjectCollections(ApiTransport transport, ObjectMapper json, String dataPath) {
        this.transport = transport;
        this.json = json;
        this.path = dataPath + "/composite/sobjects";
    }

    /** {@code POST}: inserts records of {@code sObjectType} (no Id). */
    public List<SaveResult> create(String sObjectType, List<ObjectNode> records, boolean allOrNone) {
        return save("POST", sObjectType, records, allOrNone);
    }

    /** {@code PATCH}: updates records of {@code sObjectType} by their Id. */
    public List<SaveResult> update(String sObjectType, List<ObjectNode> records, boolean allOrNone) {
        return save("PATCH", sObjectType, records, allOrNone);
    }

    /** {@code DELETE ?ids=…&allOrNone=}. */
    public List<SaveResult> delete(List<String> ids, boolean allOrNone) {
        List<SaveResult> results = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += MAX_RECORDS_PER_CALL) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + MAX_RECORDS_PER_CALL));
            String query = "?ids=" + String.join(",", slice) + "&allOrNone=" + allOrNone;
            results.addAll(read(transport.send(new ApiRequest("DELETE", path + query, null, null, java.util.Map.of()))));
        }
        return results;
    }

    private List<SaveResult> save(String method, String sObjectType, List<ObjectNode> records, boolean allOrNone) {
        List<SaveResult> results = new ArrayList<>(records.size());
        for (int from = 0; from < records.size(); from += MAX_RECORDS_PER_CALL) {
            List<ObjectNode> slice = records.subList(from, Math.min(records.size(), from + MAX_RECORDS_PER_CALL));
            results.addAll(read(transport.send(ApiRequest.json(method, path, body(sObjectType, slice, allOrNone)))));
        }
        return results;
    }

    private byte[] body(String sObjectType, List<ObjectNode> records, boolean allOrNone) {
        ObjectNode request = json.createObjectNode();
        request.put("allOrNone", allOrNone);
        ArrayNode array = request.putArray("records");
        for (ObjectNode record : records) {
            ObjectNode typed = json.createObjectNode();
            typed.putObject("attributes").put("type", sObjectType);
            record.properties().stream()
                    .filter(field -> !"attributes".equals(field.getKey()))
                    .forEach(field -> typed.set(field.getKey(), field.getValue()));
            array.add(typed);
        }
        try {
            return json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise records", e);
        }
    }

    private List<SaveResult> read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return json.readValue(in, RESULTS);
        } catch (IOException e) {
            throw new TransportException("reading sObject Collections response", e);
        }
    }
}
