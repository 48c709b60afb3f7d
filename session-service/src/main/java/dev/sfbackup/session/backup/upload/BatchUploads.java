package dev.sfbackup.session.backup.upload;

import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.session.client.NdjsonBody;
import dev.sfbackup.session.engine.Awaited;
import dev.sfbackup.session.engine.TaskInterrupted;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Uploads one task's batches while the task reads on: at most {@code concurrency} uploads run at once and the next
 * starts as soon as any of them ends, and at most twice that many batches wait for their acknowledgement (each holds
 * its records), so memory stays bounded. Batches are acknowledged strictly in sequence order, so a task's last committed
 * batch only advances once every earlier batch was stored. An upload failure is rethrown to the reader when its turn
 * to be acknowledged comes.
 */
public final class BatchUploads implements AutoCloseable {

    /** One batch: its sequence number, records as NDJSON, the last record id and the API calls spent reading it. */
    public record Batch(int seq, NdjsonBody ndjson, int records, String lastId, long apiCalls) {
    }

    private record InFlight(Batch batch, Future<BatchResult> result) {
    }

    /** The most batches ever unacknowledged, whatever the configuration says; resumed reads number past this window. */
    public static final int MAX_IN_FLIGHT = 64;

    private final ExecutorService uploaders = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<InFlight> unacknowledged = new ArrayDeque<>();
    private final Semaphore uploading;
    private final int window;
    private final Function<Batch, BatchResult> upload;
    private final BiConsumer<Batch, BatchResult> acknowledge;

    public BatchUploads(int concurrency, Function<Batch, BatchResult> upload, BiConsumer<Batch, BatchResult> acknowledge) {
        int slots = Math.clamp(concurrency, 1, MAX_IN_FLIGHT / 2);
        this.uploading = new Semaphore(slots);
        this.window = 2 * slots;
        this.upload = upload;
        this.acknowledge = acknowledge;
    }

    /**
     * The sequence number after which a resumed read numbers its batches. A crashed attempt may have stored up to
     * {@link #MAX_IN_FLIGHT} batches past its last acknowledged one; a re-read batch of the same number but other
     * content would be dropped by storage as a duplicate, so the resumed batches take numbers past that window.
     */
    public static int resumeAfterSeq(int lastAcknowledgedSeq) {
        return lastAcknowledgedSeq + MAX_IN_FLIGHT;
    }

    /** Starts the batch's upload once an upload slot is free; acknowledges every upload already done in order. */
    public void submit(Batch batch) {
        while (unacknowledged.size() >= window) {
            acknowledgeOldest();
        }
        try {
            uploading.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TaskInterrupted("interrupted while waiting to upload batch " + batch.seq());
        }
        unacknowledged.add(new InFlight(batch, uploaders.submit(() -> {
            try {
                return batch.records() == 0 ? null : upload.apply(batch);
            } finally {
                uploading.release();
            }
        })));
        while (!unacknowledged.isEmpty() && unacknowledged.peek().result().isDone()) {
            acknowledgeOldest();
        }
    }

    /** Waits for and acknowledges every upload still in flight. */
    public void finish() {
        while (!unacknowledged.isEmpty()) {
            acknowledgeOldest();
        }
    }

    private void acknowledgeOldest() {
        InFlight oldest = unacknowledged.remove();
        acknowledge.accept(oldest.batch(), Awaited.resultOf(oldest.result(), "a batch upload"));
    }

    /** Lets uploads still in flight end (after a failure or a stop), so none lands after the point is discarded. */
    @Override
    public void close() {
        uploaders.close();
    }
}
