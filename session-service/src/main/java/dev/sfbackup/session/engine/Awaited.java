package dev.sfbackup.session.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of work that ran alongside a task, with its failure rethrown as it was thrown. */
public final class Awaited {

    private Awaited() {
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
