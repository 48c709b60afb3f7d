package dev.sfbackup.api.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** One timestamped event of a session: a planning decision, a skipped object, a retry, an error. */
@RegisterForReflection
public record SessionLogEntry(long id, Instant at, String level, UUID taskId, String message) {
}
