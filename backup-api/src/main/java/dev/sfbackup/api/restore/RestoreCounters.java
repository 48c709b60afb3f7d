package dev.sfbackup.api.restore;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A restore's records by outcome: planned (every record it considered), then those updated, undeleted, recreated,
 * unchanged or skipped (in a dry run: that would be), those whose write Salesforce rejected, and the API calls spent.
 */
@RegisterForReflection
public record RestoreCounters(long planned, long updated, long undeleted, long recreated, long unchanged, long skipped,
        long failed, long apiCalls) {
}
