package dev.sfbackup.session.engine;

import dev.sfbackup.api.session.TaskStatus;

/**
 * How a task ended and the one line an administrator reads about it. {@code withErrors}: it finished WARNING because
 * some of its items failed (records Salesforce rejected), which its session rolls up as a task that completed with
 * errors; a plain WARNING (something skipped) does not.
 */
public record TaskOutcome(TaskStatus status, String message, boolean withErrors) {

    public static TaskOutcome success(String message) {
        return new TaskOutcome(TaskStatus.SUCCESS, message, false);
    }

    public static TaskOutcome warning(String message) {
        return new TaskOutcome(TaskStatus.WARNING, message, false);
    }

    /** Finished, but some items failed while the others were done. */
    public static TaskOutcome partial(String message) {
        return new TaskOutcome(TaskStatus.WARNING, message, true);
    }

    public static TaskOutcome error(String message) {
        return new TaskOutcome(TaskStatus.ERROR, message, false);
    }
}
