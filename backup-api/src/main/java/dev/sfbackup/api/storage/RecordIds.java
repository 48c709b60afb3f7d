package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Record ids of one object, e.g. those whose latest stored content a caller compares with what it read. */
@RegisterForReflection
public record RecordIds(List<String> ids) {
}
