package dev.sfbackup.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A REST query or queryAll read page by page: the next page ({@code nextRecordsUrl}) is fetched only when the
 * records of the current one are used up, so memory holds one page. Records are returned as Salesforce sends them,
 * including their {@code attributes} object. Not thread-safe.
 */
public final class RestQuery implements Iterator<ObjectNode> {

    private final ApiTransport transport;
    private final ObjectMapper json;
    private final Map<String, String> headers;
    private String nextPath;
    private Iterator<JsonNode> page = java.util.Collections.emptyIterator();
    private long totalSize = -1;
    private int pagesFetched;

    RestQuery(ApiTransport transport, ObjectMapper json, String dataPath, boolean includeDeleted, String soql, int batchSize) {
        this.transport = transport;
        this.json = json;
        this.headers = batchSize > 0 ? Map.of("Sforce-Query-Options", "batchSize=" + batchSize) : Map.of();
        this.nextPath = dataPath + (includeDeleted ? "/queryAll" : "/query") + "?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }

    /** {@code totalSize} of the query (fetches the first page if needed). */
    public long totalSize() {
        if (totalSize < 0) {
            fetchNextPage();
        }
        return totalSize;
    }

    public int pagesFetched() {
        return pagesFetched;
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && nextPath != null) {
            fetchNextPage();
        }
        return page.hasNext();
    }

    @Override
    public ObjectNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException("query has no more records");
        }
        return (ObjectNode) page.next();
    }

    public Stream<ObjectNode> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private void fetchNextPage() {
        HttpResponse<InputStream> response = transport.send(ApiRequest.get(nextPath, headers));
        JsonNode body;
        try (InputStream in = response.body()) {
            body = json.readTree(in);
        } catch (IOException e) {
            throw new TransportException("reading query page " + nextPath, e);
        }
        pagesFetched++;
        totalSize = body.path("totalSize").asLong(0);
        boolean done = body.path("done").asBoolean(true);
        nextPath = done || !body.hasNonNull("nextRecordsUrl") ? null : body.get("nextRecordsUrl").asText();
        page = body.path("records").iterator();
    }
}
