package dev.sfbackup.api.storage;

/** Readers only ever see COMMITTED points; an OPEN point is being written, a DISCARDED one lost its rows. */
public enum RestorePointState {
    OPEN, COMMITTED, DISCARDED
}
