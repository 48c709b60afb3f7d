package dev.sfbackup.api.storage;

/** INITIAL: first copy of an object; INCREMENTAL: changes since the watermark; FULL: a complete re-read of an object. */
public enum RestorePointKind {
    INITIAL, INCREMENTAL, FULL
}
