package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** Commits a point; the watermark (highest incremental-field value read) is stored in the same transaction. */
@RegisterForReflection
public record CommitRestorePoint(String watermarkField, Instant watermark) {
}
