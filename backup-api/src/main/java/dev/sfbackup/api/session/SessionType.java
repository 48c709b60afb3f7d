package dev.sfbackup.api.session;

/** What a session backs up: org metadata, file bodies, or records. */
public enum SessionType {
    METADATA, FILE, DATA
}
