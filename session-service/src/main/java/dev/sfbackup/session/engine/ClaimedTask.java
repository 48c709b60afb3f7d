package dev.sfbackup.session.engine;

import java.util.UUID;

/**
 * A task this engine instance claimed, as every kind of task sees it: where it belongs (session, run, the run's
 * policy), its kind and object, and which attempt this is (1 for the first claim, more after a claimant stopped). What
 * only one kind needs (a backup's restore point and last batch, …) lives in that kind's own table, by task id.
 */
public record ClaimedTask(UUID taskId, UUID sessionId, UUID runId, UUID policyId, String kind, String object,
        Long expectedRecords, int attempt, int apiBudgetPercent) {
}
