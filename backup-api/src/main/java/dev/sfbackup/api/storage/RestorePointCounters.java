package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a restore point holds: bytes are the compressed payload bytes it stored. */
@RegisterForReflection
public record RestorePointCounters(long recordsNew, long recordsChanged, long recordsDeleted, long recordsUnchanged, long bytes) {
}
