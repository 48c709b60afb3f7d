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
import java.util.ArrayDeque;
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
 * A REST query or queryAll read page by page. A page is requested as soon as its {@code nextRecordsUrl} is known
 * (Salesforce sends it before the page's records), on a virtual thread that also parses it, so the org works on the
 * page after next while this side parses the next one and the caller reads the current one: at most
 * {@value #PAGES_AHEAD} pages are requested ahead of the caller, so memory holds at most three pages, and a caller that
 * stops early has spent at most that many requests ahead. A failure of a page ahead is raised where its first record
 * would have been. Each record is turned into a {@code T} by the query's {@link RecordReader} as the page is parsed.
 * Not thread-safe for callers; the pages ahead synchronize among themselves.
 */
public final class RestQuery<T> implements Iterator<T>, AutoCloseable {

    /** Pages requested and not yet taken by the caller. */
    static final int PAGES_AHEAD = 2;

    private record Page<T>(long totalSize, Iterator<T> records) {
    }

    private final ApiTransport transport;
    private final JsonFactory json;
    private final RecordReader<T> reader;
    private final Map<String, String> headers;
    private final Object lock = new Object();
    private final ArrayDeque<FutureTask<Page<T>>> requested = new ArrayDeque<>();
    private String firstPath;
    private String waitingPath;
    private boolean closed;
    private int pagesRequested;
    private Iterator<T> page = Collections.emptyIterator();
    private long totalSize = -1;

    RestQuery(ApiTransport transport, JsonFactory json, RecordReader<T> reader, String dataPath, boolean includeDeleted,
            String soql, int batchSize) {
        this.transport = transport;
        this.json = json;
        this.reader = reader;
        this.headers = batchSize > 0 ? Map.of("Sforce-Query-Options", "batchSize=" + batchSize) : Map.of();
        this.firstPath = firstPath(dataPath, includeDeleted, soql);
    }

    /** The URL of a query's first page: the SOQL travels in it. */
    static String firstPath(String dataPath, boolean includeDeleted, String soql) {
        return dataPath + (includeDeleted ? "/queryAll" : "/query") + "?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }

    /** {@code totalSize} of the query (fetches the first page if needed). */
    public long totalSize() {
        if (totalSize < 0 && morePages()) {
            takeNextPage();
        }
        return totalSize;
    }

    /** Requests sent for this query so far, including those for the pages ahead. */
    public int pagesFetched() {
        synchronized (lock) {
            return pagesRequested;
        }
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && morePages()) {
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

    /** Gives up the pages ahead, if any; the query reads no further. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            waitingPath = null;
            requested.forEach(ahead -> ahead.cancel(true));
            requested.clear();
        }
        page = Collections.emptyIterator();
    }

    /** Whether a page is requested and not taken yet; requests the first page on the first call. */
    private boolean morePages() {
        synchronized (lock) {
            if (firstPath != null) {
                request(firstPath);
                firstPath = null;
            }
            return !requested.isEmpty();
        }
    }

    private void takeNextPage() {
        FutureTask<Page<T>> next;
        synchronized (lock) {
            next = requested.poll();
            if (waitingPath != null) {
                String path = waitingPath;
                waitingPath = null;
                request(path);
            }
        }
        Page<T> taken = await(next);
        totalSize = taken.totalSize();
        page = taken.records();
    }

    /** Requests the page now, or once the caller has taken a page when {@value #PAGES_AHEAD} are ahead already. */
    private void request(String path) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (requested.size() >= PAGES_AHEAD) {
                waitingPath = path;
                return;
            }
            pagesRequested++;
            FutureTask<Page<T>> ahead = new FutureTask<>(() -> fetch(path));
            requested.add(ahead);
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

    /**
     * A query result: {@code totalSize}, {@code done}, {@code nextRecordsUrl} and {@code records}, in any order; the
     * next page is requested as soon as its URL is read.
     */
    private Page<T> readPage(JsonParser parser) throws IOException {
        long size = 0;
        List<T> records = new ArrayList<>();
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "a query result is a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "totalSize" -> size = parser.getValueAsLong(0);
                case "nextRecordsUrl" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        request(parser.getText());
                    }
                }
                case "records" -> readRecords(parser, value, records);
                default -> parser.skipChildren();
            }
        }
        return new Page<>(size, records.iterator());
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
