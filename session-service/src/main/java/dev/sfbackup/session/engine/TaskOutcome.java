package dev.sfbackup.session.engine;

import dev.sfbackup.api.session.TaskStatus;

/** How a task ended and the one line an administrator reads about it. */
public record TaskOutcome(TaskStatus status, String message) {

    public static TaskOutcome success(String message) {
        return new TaskOutcome(TaskStatus.SUCCESS, message);
    }

    public static TaskOutcome warning(String message) {
        return new TaskOutcome(TaskStatus.WARNING, message);
    }

    public static TaskOutcome error(String message) {
        return new TaskOutcome(TaskStatus.ERROR, message);
    }
}
