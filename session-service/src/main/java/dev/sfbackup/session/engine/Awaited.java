package dev.sfbackup.session.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** The result of work that ran alongside a task, with its failure rethrown as it was thrown. */
public final class Awaited {

    private Awaited() {
    }

    /** Starts the work on a virtual thread of its own, alongside the caller; its result comes through {@link #resultOf}. */
    public static <T> CompletableFuture<T> alongside(String threadName, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, command -> Thread.ofVirtual().name(threadName).start(command));
    }

    public static <T> T resultOf(Future<T> work, String waitingFor) {
        try {
            return work.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TaskInterrupted("interrupted while waiting for " + waitingFor);
        }
    }
}
