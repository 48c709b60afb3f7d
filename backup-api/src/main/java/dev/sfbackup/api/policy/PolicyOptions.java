package dev.sfbackup.api.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;

/**
 * Tuning of a policy's runs. Defaults when omitted: largeObjectThreshold 20000000 records (an object above it gets a
 * DATA session of its own), inactivityTimeout PT24H (watchdog), parallelism 4 sessions, apiBudgetPercent 50.
 */
@RegisterForReflection
public record PolicyOptions(Long largeObjectThreshold, Duration inactivityTimeout, Integer parallelism, Integer apiBudgetPercent) {
}
