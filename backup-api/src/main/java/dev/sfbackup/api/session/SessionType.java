package dev.sfbackup.api.session;

/** What a session backs up (org metadata, file bodies, records) or RESTORE: records put back into an org. */
public enum SessionType {
    METADATA, FILE, DATA, RESTORE
}
