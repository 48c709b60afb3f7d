package dev.sfbackup.api.restore;

/** Which records a restore writes: those that exist and differ, those missing from the org, or both. */
public enum RestoreMode {
    UPDATE, RECREATE, UPDATE_AND_RECREATE
}
