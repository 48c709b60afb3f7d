package dev.sfbackup.emulator.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Bulk API 2.0 ingest job info, as answered by create, get and state changes. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestJobInfo(
        String id,
        String operation,
        String object,
        String createdById,
        String createdDate,
        String systemModstamp,
        String state,
        String externalIdFieldName,
        String concurrencyMode,
        String contentType,
        double apiVersion,
        String jobType,
        String contentUrl,
        String lineEnding,
        String columnDelimiter,
        Long numberRecordsProcessed,
        Long numberRecordsFailed,
        Integer retries,
        Long totalProcessingTime,
        Long apiActiveProcessingTime,
        Long apexProcessingTime,
        String errorMessage) {
}
