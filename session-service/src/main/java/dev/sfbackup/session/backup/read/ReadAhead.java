package dev.sfbackup.session.backup.read;

import dev.sfbackup.session.engine.TaskInterrupted;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a {@link RecordSource} on a virtual thread of its own, a few chunks of records ahead of the task, so that
 * waiting for the org's next page (and parsing it) overlaps with writing and uploading the records before it.
 * Memory stays bounded: at most {@code CHUNKS_AHEAD} chunks of {@code CHUNK} records wait. A read failure is
 * rethrown to the task where the failed record would have been.
 */
public final class ReadAhead implements RecordSource {

    private static final int CHUNK = 256;
    private static final int CHUNKS_AHEAD = 16;

    private sealed interface Handover permits Records, End, Failure {
    }

    private record Records(List<NormalizedRecord> records) implements Handover {
    }

    private record End() implements Handover {
    }

    private record Failure(RuntimeException failure) implements Handover {
    }

    private final RecordSource source;
    private final BlockingQueue<Handover> ahead = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private volatile long apiCalls;
    private Iterator<NormalizedRecord> current = java.util.Collections.emptyIterator();
    private boolean ended;

    public ReadAhead(RecordSource source) {
        this.source = source;
        this.reader = Thread.ofVirtual().name("read-ahead").start(this::readAll);
    }

    private void readAll() {
        List<NormalizedRecord> chunk = new ArrayList<>(CHUNK);
        try {
            try {
                while (source.hasNext()) {
                    chunk.add(source.next());
                    if (chunk.size() == CHUNK) {
                        apiCalls = source.apiCalls();
                        ahead.put(new Records(chunk));
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
                apiCalls = source.apiCalls();
                if (!chunk.isEmpty()) {
                    ahead.put(new Records(chunk));
                }
                ahead.put(new End());
            } catch (RuntimeException failure) {
                // the records read before the failure still reach the task (a resumed read continues after them)
                if (!chunk.isEmpty()) {
                    ahead.put(new Records(chunk));
                }
                ahead.put(new Failure(failure));
            }
        } catch (InterruptedException closed) {
            // the task closed the read before its end
        }
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && !ended) {
            Handover next;
            try {
                next = ahead.take();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new TaskInterrupted("interrupted while reading records");
            }
            switch (next) {
                case Records records -> current = records.records().iterator();
                case End end -> ended = true;
                case Failure failed -> {
                    ended = true;
                    throw failed.failure();
                }
            }
        }
        return current.hasNext();
    }

    @Override
    public NormalizedRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records");
        }
        return current.next();
    }

    /** Requests sent for the records read so far, including those read ahead of the task. */
    @Override
    public long apiCalls() {
        return apiCalls;
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            // a reader blocked in a socket read notices the interrupt only when the read returns
            reader.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
