package dev.sfbackup.session.restore;

/**
 * The task kinds of a restore: one per object written into the org, one per object whose lookups close a cycle between
 * objects (written once every object's records exist), one for the files, and the last step that gives the leases back.
 */
public enum RestoreTaskKind {
    RESTORE_RECORDS, RESTORE_LOOKUPS, RESTORE_FILES, RESTORE_RELEASE
}
