package dev.sfbackup.emulator.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** Body of POST and PATCH /composite/sobjects. */
@RegisterForReflection
public record CollectionRequest(Boolean allOrNone, List<Map<String, Object>> records) {
}
