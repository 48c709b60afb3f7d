package dev.sfbackup.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Salesforce's "Insert or Update Blob Data": a record with its file body in one multipart/form-data request, the
 * fields as a JSON part ({@code entity_content} for ContentVersion, {@code entity_<object>} otherwise) and the body
 * as a binary part named after the blob field. The body streams from its source to the request with a known length
 * (up to 2 GB for ContentVersion), never base64, never whole in memory; every attempt opens the source again.
 */
final class BodyInsert {

    private final ApiTransport transport;
    private final ObjectMapper json;
    private final String dataPath;
    private final ConnectionOptions options;

    BodyInsert(ApiTransport transport, ObjectMapper json, String dataPath, ConnectionOptions options) {
        this.transport = transport;
        this.json = json;
        this.dataPath = dataPath;
        this.options = options;
    }

    String insert(String sObject, ObjectNode fields, String bodyField, String fileName, long length, BodySource body) {
        String boundary = "sfbackup-" + UUID.randomUUID();
        byte[] head;
        try {
            head = ("--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + entityPart(sObject) + "\"\r\n"
                    + "Content-Type: application/json\r\n\r\n"
                    + json.writeValueAsString(fields) + "\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + bodyField + "\"; filename=\"" + quoted(fileName) + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the fields of a " + sObject, e);
        }
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        ApiRequest request = new ApiRequest("POST", dataPath + "/sobjects/" + sObject, null,
                "multipart/form-data; boundary=\"" + boundary + "\"", Map.of(), () -> HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> open(body)), length),
                        HttpRequest.BodyPublishers.ofByteArray(tail)), options.uploadTimeout(head.length + length + tail.length));
        HttpResponse<InputStream> response = transport.send(request);
        try (InputStream in = response.body()) {
            JsonNode answer = json.readTree(in);
            String id = answer.path("id").asText("");
            if (id.isEmpty()) {
                throw new SalesforceException(response.statusCode(), "UNEXPECTED_RESPONSE", "insert of a " + sObject
                        + " with its body answered no id: " + answer, false);
            }
            return id;
        } catch (IOException e) {
            throw new TransportException("reading the answer to the insert of a " + sObject, e);
        }
    }

    /** ContentVersion's part is entity_content; Document's entity_document, Attachment's entity_attachment. */
    static String entityPart(String sObject) {
        return sObject.equals("ContentVersion") ? "entity_content" : "entity_" + sObject.toLowerCase(java.util.Locale.ROOT);
    }

    private static String quoted(String fileName) {
        return fileName.replace("\\", "_").replace("\"", "_").replace("\r", "_").replace("\n", "_");
    }

    private static InputStream open(BodySource body) {
        try {
            return body.open();
        } catch (IOException e) {
            throw new UncheckedIOException("opening the body to upload", e);
        }
    }
}
