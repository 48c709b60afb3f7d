package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Record ids deleted in the org; seq makes a retried call idempotent (its own sequence, apart from record batches). */
@RegisterForReflection
public record RecordDeletions(List<String> ids, Long seq) {
}
