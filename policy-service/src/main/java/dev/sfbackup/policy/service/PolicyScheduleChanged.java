package dev.sfbackup.policy.service;

import dev.sfbackup.policy.Policy;
import java.util.UUID;

/**
 * Fired inside the transaction that changed a policy; observed after commit to (re)register or drop its job.
 * cron is null when the policy must not fire (no schedule, disabled, or deleted).
 */
public record PolicyScheduleChanged(UUID policyId, long version, String cron, String timeZone) {

    static PolicyScheduleChanged of(Policy policy) {
        boolean fires = policy.enabled && policy.isScheduled();
        return new PolicyScheduleChanged(policy.id, policy.version, fires ? policy.scheduleCron : null,
                fires ? policy.scheduleTimeZone : null);
    }

    static PolicyScheduleChanged deleted(Policy policy) {
        return new PolicyScheduleChanged(policy.id, Long.MAX_VALUE, null, null);
    }
}
