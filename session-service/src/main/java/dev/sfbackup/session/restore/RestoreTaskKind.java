package dev.sfbackup.session.restore;

/** The task kinds of a restore: one per object written into the org, one for the files, and the last step that gives the leases back. */
public enum RestoreTaskKind {
    RESTORE_RECORDS, RESTORE_FILES, RESTORE_RELEASE
}
