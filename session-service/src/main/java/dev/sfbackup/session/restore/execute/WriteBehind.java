package dev.sfbackup.session.restore.execute;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a pass's chunk writes one after another on a thread of their own, so the task's thread reads and compares the
 * next chunk while the org ingests the last one (a Bulk API 2.0 job keeps a 25,000-record chunk waiting for about
 * 1.5 s, RestoreBench). At most one write runs and the next waits for it: memory holds two chunks, never more, and the
 * org receives the chunks in order. A failed write is thrown from the next {@link #submit} or from {@link #close}.
 */
final class WriteBehind implements AutoCloseable {

    private final ExecutorService thread;
    private Future<?> last = CompletableFuture.completedFuture(null);

    WriteBehind(String object) {
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("restore-writes-" + object).daemon().factory());
    }

    /** Waits for the write before, then starts this one. */
    void submit(Runnable write) {
        awaitLast();
        last = thread.submit(write);
    }

    /** Waits for the last write; throws what it threw. */
    @Override
    public void close() {
        try {
            awaitLast();
        } finally {
            thread.shutdown();
        }
    }

    private void awaitLast() {
        try {
            last.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the previous chunk was written");
        }
    }
}
