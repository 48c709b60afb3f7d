package dev.sfbackup.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
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
 * A chunk cut off mid-stream (an I/O error, or fewer rows than its {@code Sforce-NumberOfRecords}) is fetched again by its locator (locators are stable while the job exists) and the rows
 * already handed out are skipped, up to {@code maxResumes} times per chunk.
 */
public final class BulkRows implements Iterator<Map<String, String>>, AutoCloseable {

    static final String LOCATOR = "Sforce-Locator";
    static final String NUMBER_OF_RECORDS = "Sforce-NumberOfRecords";

    private final Function<String, HttpResponse<InputStream>> chunkOpener;
    private final char delimiter;
    private final int maxResumes;
    private CsvRowReader chunk;
    private String chunkLocator;
    private long rowsReadInChunk;
    private long expectedInChunk;
    private int resumesOfChunk;
    private int resumes;
    private String nextLocator;
    private boolean lastChunkOpened;
    private List<String> columns = List.of();
    private CsvRow pending;
    private long rowsRead;
    private long reportedRecords;
    private int chunksFetched;

    BulkRows(Function<String, HttpResponse<InputStream>> chunkOpener, char delimiter, int maxResumes) {
        this.chunkOpener = chunkOpener;
        this.delimiter = delimiter;
        this.maxResumes = maxResumes;
    }

    /** How many chunks were fetched again after their stream broke. */
    public int resumes() {
        return resumes;
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
        List<String> values = nextValues();
        Map<String, String> row = LinkedHashMap.newLinkedHashMap(columns.size());
        for (int i = 0; i < values.size(); i++) {
            row.put(columns.get(i), values.get(i));
        }
        return row;
    }

    /**
     * The next row as its values in {@link #columns()} order: the cheaper form for readers of millions of rows, as it
     * builds no map per row. The columns list of a later chunk may be another (equal) instance.
     */
    public List<String> nextValues() {
        return nextRow().texts();
    }

    /**
     * The next row as the bytes of its values in {@link #columns()} order, for readers that copy most values as they
     * are: the row is valid until the next call of {@link #hasNext()} or a next method.
     */
    public CsvRow nextRow() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more result rows");
        }
        CsvRow row = pending;
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

    private CsvRow readRow() {
        while (true) {
            try {
                return readRowOnce();
            } catch (IOException broken) {
                closeChunk();
                if (resumesOfChunk >= maxResumes) {
                    close();
                    throw new UncheckedIOException("reading Bulk API 2.0 results", broken);
                }
                resumesOfChunk++;
                resumes++;
                reopenChunk();
            }
        }
    }

    private CsvRow readRowOnce() throws IOException {
        while (true) {
            if (chunk == null) {
                if (lastChunkOpened) {
                    return null;
                }
                openNextChunk();
                continue;
            }
            CsvRow values = chunk.nextRow();
            if (values == null) {
                if (expectedInChunk >= 0 && rowsReadInChunk < expectedInChunk) {
                    throw new IOException("chunk ended after " + rowsReadInChunk + " of " + expectedInChunk + " records");
                }
                closeChunk();
            } else if (!(columns.size() > 1 && isBlankLine(values))) {
                if (values.size() != columns.size()) {
                    throw new IOException("CSV row has " + values.size() + " fields, header has " + columns.size());
                }
                rowsReadInChunk++;
                return values;
            }
        }
    }

    /** Fetches the current chunk again and skips the rows already handed out. */
    private void reopenChunk() {
        HttpResponse<InputStream> response = chunkOpener.apply(chunkLocator);
        try {
            chunk = new CsvRowReader(ApiTransport.decodedBody(response), delimiter);
            List<String> header = chunk.next();
            if (header != null) {
                columns = List.copyOf(header);
            }
            for (long skipped = 0; skipped < rowsReadInChunk; skipped++) {
                if (chunk.nextRow() == null) {
                    throw new IOException("chunk " + chunkLocator + " is shorter on the second read");
                }
            }
        } catch (IOException e) {
            closeChunk();
            close();
            throw new UncheckedIOException("resuming Bulk API 2.0 results", e);
        }
    }

    private void openNextChunk() throws IOException {
        chunkLocator = nextLocator;
        rowsReadInChunk = 0;
        resumesOfChunk = 0;
        HttpResponse<InputStream> response = chunkOpener.apply(chunkLocator);
        chunksFetched++;
        String locator = response.headers().firstValue(LOCATOR).orElse("null");
        lastChunkOpened = locator.isEmpty() || "null".equals(locator);
        nextLocator = lastChunkOpened ? null : locator;
        expectedInChunk = response.headers().firstValue(NUMBER_OF_RECORDS).map(Long::parseLong).orElse(-1L);
        reportedRecords += Math.max(0, expectedInChunk);
        chunk = new CsvRowReader(ApiTransport.decodedBody(response), delimiter);
        List<String> header = chunk.next();
        if (header == null) {
            closeChunk();
            return;
        }
        columns = List.copyOf(header);
    }

    private static boolean isBlankLine(CsvRow values) {
        return values.size() == 1 && values.isEmpty(0);
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
