package dev.sfbackup.api.policy;

/** Kinds of entries in a policy's history. */
public enum PolicyChange {
    CREATED, UPDATED, ENABLED, DISABLED, SCOPE_EXTENDED
}
