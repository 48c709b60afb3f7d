package dev.sfbackup.session.backup.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.session.client.NdjsonBody;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchUploadsTest {

    @Test
    void batchesAreAcknowledgedInSequenceOrderEvenWhenLaterUploadsFinishFirst() {
        CountDownLatch laterBatchesStored = new CountDownLatch(2);
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        try (BatchUploads uploads = new BatchUploads(3, batch -> {
            if (batch.seq() == 1) {
                await(laterBatchesStored);
            } else {
                laterBatchesStored.countDown();
            }
            return null;
        }, (batch, result) -> acknowledged.add(batch.seq()))) {
            uploadAll(uploads, 3);
        }
        assertEquals(List.of(1, 2, 3), acknowledged);
    }

    @Test
    void aFailedUploadIsRethrownAndNoLaterBatchIsAcknowledged() {
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        BatchUploads uploads = new BatchUploads(2, batch -> {
            if (batch.seq() == 2) {
                throw new IllegalStateException("storage-service unreachable");
            }
            return null;
        }, (batch, result) -> acknowledged.add(batch.seq()));
        RuntimeException failure = assertThrows(RuntimeException.class, () -> {
            try (uploads) {
                uploadAll(uploads, 4);
            }
        });
        assertEquals("storage-service unreachable", failure.getMessage());
        assertEquals(List.of(1), acknowledged);
    }

    @Test
    void noMoreThanTheConfiguredNumberOfUploadsRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (BatchUploads uploads = new BatchUploads(3, batch -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep();
            running.decrementAndGet();
            return null;
        }, (batch, result) -> { })) {
            uploadAll(uploads, 20);
        }
        assertTrue(mostAtOnce.get() <= 3, "at most 3 uploads in flight, saw " + mostAtOnce.get());
    }

    @Test
    void aBatchStartsAsSoonAsAnyUploadEndsWhileAnEarlierOneIsStillRunning() {
        CountDownLatch thirdStarted = new CountDownLatch(1);
        AtomicBoolean thirdStartedBeforeFirstEnded = new AtomicBoolean();
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        try (BatchUploads uploads = new BatchUploads(2, batch -> {
            if (batch.seq() == 1) {
                thirdStartedBeforeFirstEnded.set(await(thirdStarted));
            } else if (batch.seq() == 3) {
                thirdStarted.countDown();
            }
            return null;
        }, (batch, result) -> acknowledged.add(batch.seq()))) {
            uploadAll(uploads, 3);
        }
        assertTrue(thirdStartedBeforeFirstEnded.get(), "batch 3 waited for batch 1 although batch 2's upload had ended");
        assertEquals(List.of(1, 2, 3), acknowledged);
    }

    @Test
    void neverMoreBatchesUnacknowledgedThanTheResumeWindowWhateverTheConfigurationSays() {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger acknowledgedCount = new AtomicInteger();
        AtomicInteger mostUnacknowledged = new AtomicInteger();
        CountDownLatch windowFull = new CountDownLatch(BatchUploads.MAX_IN_FLIGHT);
        try (BatchUploads uploads = new BatchUploads(1000, batch -> {
            mostUnacknowledged.accumulateAndGet(started.incrementAndGet() - acknowledgedCount.get(), Math::max);
            windowFull.countDown();
            if (batch.seq() == 1) {
                await(windowFull);
            }
            return null;
        }, (batch, result) -> acknowledgedCount.incrementAndGet())) {
            uploadAll(uploads, 3 * BatchUploads.MAX_IN_FLIGHT);
        }
        assertEquals(BatchUploads.MAX_IN_FLIGHT, mostUnacknowledged.get());
        assertEquals(3 * BatchUploads.MAX_IN_FLIGHT, acknowledgedCount.get());
    }

    @Test
    void aResumedReadNumbersItsBatchesPastEveryBatchACrashedAttemptMayHaveStored() {
        int lastAcknowledged = 7;
        int mostACrashedAttemptCouldHaveSent = lastAcknowledged + BatchUploads.MAX_IN_FLIGHT;
        assertTrue(BatchUploads.resumeAfterSeq(lastAcknowledged) + 1 > mostACrashedAttemptCouldHaveSent);
    }

    /** Submits batches 1 to count, then waits for every upload and acknowledges it. */
    private static void uploadAll(BatchUploads uploads, int count) {
        for (int seq = 1; seq <= count; seq++) {
            uploads.submit(batch(seq));
        }
        uploads.finish();
    }

    private static BatchUploads.Batch batch(int seq) {
        return new BatchUploads.Batch(seq, new NdjsonBody(new byte[] {'{', '}', '\n'}, 3), 1, "001" + seq, 1);
    }

    /** Whether the latch opened within 10 s. */
    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
