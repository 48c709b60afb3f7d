package dev.sfbackup.api.session;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a task or session read from the org and what storage made of it. */
@RegisterForReflection
public record SessionCounters(long recordsRead, long recordsNew, long recordsChanged, long recordsDeleted,
        long recordsUnchanged, long bytes, long apiCalls) {
}
