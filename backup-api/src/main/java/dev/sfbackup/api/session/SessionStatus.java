package dev.sfbackup.api.session;

/** Status of a run or a session; see DESIGN.md for the rollup rules. */
public enum SessionStatus {
    PENDING, RUNNING, SUCCESS, WARNING, FAILED, STOPPED
}
