package dev.sfbackup.session.backup;

/** The kinds of backup task, as stored in the task's kind column; each has its executor. */
public enum BackupTaskKind {
    /** One object's records into one restore point. */
    BACKUP_DATA,
    /** The org's ContentVersion bodies into the run's FILE restore point. */
    BACKUP_FILES,
    /** One object's describe (or the describeGlobal), read and kept for the session's METADATA restore point. */
    BACKUP_DESCRIBE,
    /** The METADATA restore point: every describe its session read, stored and committed together. */
    BACKUP_METADATA
}
