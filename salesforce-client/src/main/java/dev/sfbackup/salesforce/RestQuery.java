package dev.sfbackup.salesforce;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A REST query or queryAll read page by page. As soon as a page arrives, the next one ({@code nextRecordsUrl}) is
 * requested and parsed on a virtual thread, so the org's work on it overlaps with the caller's on this one: memory
 * holds at most two pages, and a caller that stops early has spent one request ahead. A failure of the page ahead is
 * raised where its first record would have been. Each record is turned into a {@code T} by the query's
 * {@link RecordReader} as the page is parsed. Not thread-safe.
 */
public final class RestQuery<T> implements Iterator<T>, AutoCloseable {

    private record Page<T>(long totalSize, String nextPath, Iterator<T> records) {
    }

    private final ApiTransport transport;
    private final JsonFactory json;
    private final RecordReader<T> reader;
    private final Map<String, String> headers;
    private String firstPath;
    private FutureTask<Page<T>> ahead;
    private Iterator<T> page = Collections.emptyIterator();
    private long totalSize = -1;
    private int pagesRequested;

    RestQuery(ApiTransport transport, JsonFactory json, RecordReader<T> reader, String dataPath, boolean includeDeleted,
            String soql, int batchSize) {
        this.transport = transport;
        this.json = json;
        this.reader = reader;
        this.headers = batchSize > 0 ? Map.of("Sforce-Query-Options", "batchSize=" + batchSize) : Map.of();
        this.firstPath = dataPath + (includeDeleted ? "/queryAll" : "/query") + "?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }

    /** {@code totalSize} of the query (fetches the first page if needed). */
    public long totalSize() {
        if (totalSize < 0) {
            takeNextPage();
        }
        return totalSize;
    }

    /** Requests sent for this query so far, including the one for the page ahead. */
    public int pagesFetched() {
        return pagesRequested;
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && (firstPath != null || ahead != null)) {
            takeNextPage();
        }
        return page.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("query has no more records");
        }
        return page.next();
    }

    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Gives up the page ahead, if any; the query reads no further. */
    @Override
    public void close() {
        firstPath = null;
        if (ahead != null) {
            ahead.cancel(true);
            ahead = null;
        }
        page = Collections.emptyIterator();
    }

    private void takeNextPage() {
        Page<T> next;
        if (firstPath != null) {
            pagesRequested++;
            next = fetch(firstPath);
            firstPath = null;
        } else {
            next = await(ahead);
            ahead = null;
        }
        totalSize = next.totalSize();
        page = next.records();
        if (next.nextPath() != null) {
            pagesRequested++;
            String path = next.nextPath();
            ahead = new FutureTask<>(() -> fetch(path));
            Thread.ofVirtual().name("query-page-ahead").start(ahead);
        }
    }

    private Page<T> fetch(String path) {
        HttpResponse<InputStream> response = transport.send(ApiRequest.get(path, headers));
        try (InputStream in = response.body(); JsonParser parser = json.createParser(in)) {
            return readPage(parser);
        } catch (IOException e) {
            throw new TransportException("reading query page " + path, e);
        }
    }

    /** A query result: {@code totalSize}, {@code done}, {@code nextRecordsUrl} and {@code records}, in any order. */
    private Page<T> readPage(JsonParser parser) throws IOException {
        long size = 0;
        boolean done = true;
        String nextPath = null;
        List<T> records = new ArrayList<>();
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "a query result is a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "totalSize" -> size = parser.getValueAsLong(0);
                case "done" -> done = value != JsonToken.VALUE_FALSE;
                case "nextRecordsUrl" -> nextPath = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "records" -> readRecords(parser, value, records);
                default -> parser.skipChildren();
            }
        }
        return new Page<>(size, done ? null : nextPath, records.iterator());
    }

    private void readRecords(JsonParser parser, JsonToken value, List<T> records) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            records.add(reader.read(parser));
        }
    }

    private static <T> Page<T> await(FutureTask<Page<T>> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("waiting for the next query page", new InterruptedIOException("interrupted"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause(); // fetch throws nothing checked
        }
    }
}
