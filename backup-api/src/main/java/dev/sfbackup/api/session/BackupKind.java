package dev.sfbackup.api.session;

/** INITIAL when the policy has no committed restore point yet, INCREMENTAL afterwards; RESTORE for a restore. */
public enum BackupKind {
    INITIAL, INCREMENTAL,
    /** A restore run (issue 15): records put back into an org. */
    RESTORE
}
