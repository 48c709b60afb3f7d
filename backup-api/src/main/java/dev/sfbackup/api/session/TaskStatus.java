package dev.sfbackup.api.session;

/** Status of one task (one object, file batch or metadata type) inside a session. */
public enum TaskStatus {
    PENDING, RUNNING, SUCCESS, WARNING, ERROR
}
