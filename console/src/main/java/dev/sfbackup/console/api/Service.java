package dev.sfbackup.console.api;

/** The services the console calls. */
public enum Service {
    POLICY, SESSION, STORAGE
}
