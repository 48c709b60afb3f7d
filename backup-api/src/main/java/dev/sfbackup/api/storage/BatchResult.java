package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The outcome of one ingest call. duplicate is true when this seq was already ingested into the point: nothing was
 * stored twice and the counters are those of the first call. recordsDeleted counts tombstones written.
 */
@RegisterForReflection
public record BatchResult(long seq, long received, long recordsNew, long recordsChanged, long recordsUnchanged,
        long recordsDeleted, boolean duplicate) {
}
