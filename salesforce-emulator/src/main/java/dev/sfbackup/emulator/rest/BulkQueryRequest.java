package dev.sfbackup.emulator.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of POST /jobs/query. */
@RegisterForReflection
public record BulkQueryRequest(String operation, String query, String contentType, String columnDelimiter, String lineEnding) {
}
