package dev.sfbackup.api.session;

/** INITIAL when the policy has no committed restore point yet, INCREMENTAL afterwards. */
public enum BackupKind {
    INITIAL, INCREMENTAL
}
