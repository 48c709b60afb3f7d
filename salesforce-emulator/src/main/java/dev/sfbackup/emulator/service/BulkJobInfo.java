package dev.sfbackup.emulator.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Bulk API 2.0 query job info, as answered by create, get and abort. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkJobInfo(
        String id,
        String operation,
        String object,
        String createdById,
        String createdDate,
        String systemModstamp,
        String state,
        String concurrencyMode,
        String contentType,
        double apiVersion,
        String jobType,
        String lineEnding,
        String columnDelimiter,
        Long numberRecordsProcessed,
        Integer retries,
        Long totalProcessingTime,
        Boolean isPkChunkingSupported,
        String errorMessage) {
}
