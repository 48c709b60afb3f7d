package dev.sfbackup.session.engine;

/** A running task must stop between batches: an operator stop, a failed session, a lost claim or the API budget. */
public class TaskInterrupted extends RuntimeException {

    public TaskInterrupted(String reason) {
        super(reason);
    }
}
