package dev.sfbackup.emulator.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Ids of the records an admin mutation touched. */
@RegisterForReflection
public record MutationResult(String object, List<String> updated, List<String> deleted, List<String> undeleted, List<String> inserted) {
}
