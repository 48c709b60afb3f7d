package dev.sfbackup.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of a completed query job, parsed from the HTTP stream as they arrive: memory holds one row, never a chunk.
 * A chunk's {@code Sforce-Locator} header names the next chunk; the literal {@code null} ends the results.
 * Each row maps the CSV header to the values (Salesforce writes null as an empty field).
 */
public final class BulkRows implements Iterator<Map<String, String>>, AutoCloseable {

    static final String LOCATOR = "Sforce-Locator";
    static final String NUMBER_OF_RECORDS = "Sforce-NumberOfRecords";

    private final Function<String, HttpResponse<InputStream>> chunkOpener;
    private final char delimiter;
    private CsvRowReader chunk;
    private String nextLocator;
    private boolean lastChunkOpened;
    private List<String> columns = List.of();
    private Map<String, String> pending;
    private long rowsRead;
    private long reportedRecords;
    private int chunksFetched;

    BulkRows(Function<String, HttpResponse<InputStream>> chunkOpener, char delimiter) {
        this.chunkOpener = chunkOpener;
        this.delimiter = delimiter;
    }

    /** The CSV header of the results (known after the first row is read). */
    public List<String> columns() {
        return columns;
    }

    public long rowsRead() {
        return rowsRead;
    }

    /** Sum of the {@code Sforce-NumberOfRecords} headers of the chunks fetched so far. */
    public long reportedRecords() {
        return reportedRecords;
    }

    public int chunksFetched() {
        return chunksFetched;
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = readRow();
        }
        return pending != null;
    }

    @Override
    public Map<String, String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more result rows");
        }
        Map<String, String> row = pending;
        pending = null;
        rowsRead++;
        return row;
    }

    /** The rows as a stream; closing the stream closes the open HTTP response. */
    public Stream<Map<String, String>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    @Override
    public void close() {
        closeChunk();
        lastChunkOpened = true;
    }

    private Map<String, String> readRow() {
        try {
            while (true) {
                if (chunk == null) {
                    if (lastChunkOpened) {
                        return null;
                    }
                    openNextChunk();
                }
                List<String> values = chunk.next();
                if (values != null && !(columns.size() > 1 && isBlankLine(values))) {
                    return toRow(values);
                }
                if (values == null) {
                    closeChunk();
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("reading Bulk API 2.0 results", e);
        }
    }

    private void openNextChunk() throws IOException {
        HttpResponse<InputStream> response = chunkOpener.apply(nextLocator);
        chunksFetched++;
        String locator = response.headers().firstValue(LOCATOR).orElse("null");
        lastChunkOpened = locator.isEmpty() || "null".equals(locator);
        nextLocator = lastChunkOpened ? null : locator;
        reportedRecords += response.headers().firstValue(NUMBER_OF_RECORDS).map(Long::parseLong).orElse(0L);
        chunk = new CsvRowReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), delimiter);
        List<String> header = chunk.next();
        if (header == null) {
            closeChunk();
            return;
        }
        columns = List.copyOf(header);
    }

    private Map<String, String> toRow(List<String> values) throws IOException {
        if (values.size() != columns.size()) {
            throw new IOException("CSV row has " + values.size() + " fields, header has " + columns.size());
        }
        Map<String, String> row = LinkedHashMap.newLinkedHashMap(columns.size());
        for (int i = 0; i < values.size(); i++) {
            row.put(columns.get(i), values.get(i));
        }
        return row;
    }

    private static boolean isBlankLine(List<String> values) {
        return values.size() == 1 && values.get(0).isEmpty();
    }

    private void closeChunk() {
        if (chunk != null) {
            try {
                chunk.close();
            } catch (IOException ignored) {
                // the response is finished with either way
            }
            chunk = null;
        }
    }
}
