package dev.sfbackup.session.restore;

/** The task kinds of a restore: one per object written into the org, and the last step that gives the leases back. */
public enum RestoreTaskKind {
    RESTORE_RECORDS, RESTORE_RELEASE
}
