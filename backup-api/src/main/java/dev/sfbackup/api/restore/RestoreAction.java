package dev.sfbackup.api.restore;

/** What a restore did (or, in a dry run, would do) with one record. */
public enum RestoreAction {
    UPDATE, UNDELETE, RECREATE, UNCHANGED, SKIP
}
