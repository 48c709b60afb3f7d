package dev.sfbackup.api.policy;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;

/**
 * Tuning of a policy's runs. Defaults when omitted: largeObjectThreshold 20000000 records (an object above it gets a
 * DATA session of its own), inactivityTimeout PT24H (watchdog), parallelism 4 sessions, apiBudgetPercent 50.
 * inactivityTimeout always travels as an ISO-8601 string, whatever a service's Jackson defaults are.
 */
@RegisterForReflection
public record PolicyOptions(Long largeObjectThreshold, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration inactivityTimeout,
        Integer parallelism, Integer apiBudgetPercent) {
}
