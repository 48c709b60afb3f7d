package dev.sfbackup.session.backup.planning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What planning needs: the policy's switches and options, and the objects to back up in order with their record
 * counts (a missing count is treated as small).
 */
public record PlanInput(boolean includeMetadata, boolean includeFiles, long largeObjectThreshold, int parallelism,
        Map<String, Long> objectRecordCounts) {

    public PlanInput {
        if (largeObjectThreshold < 1) {
            throw new IllegalArgumentException("largeObjectThreshold must be at least 1, was " + largeObjectThreshold);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        objectRecordCounts = new LinkedHashMap<>(objectRecordCounts);
    }
}
