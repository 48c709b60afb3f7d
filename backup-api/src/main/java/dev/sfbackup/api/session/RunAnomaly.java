package dev.sfbackup.api.session;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An incremental run saw something unusual of one object: {@code kind} DELETIONS (observed deletions against the
 * object's size) or CHANGES (observed new and changed records against the object's usual count); {@code baseline} is
 * what it was compared with, {@code description} says it for a person.
 */
@RegisterForReflection
public record RunAnomaly(String object, String kind, long observed, long baseline, String description) {
}
