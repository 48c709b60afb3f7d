package dev.sfbackup.api.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** Body of POST /api/v1/runs on session-service: start a run of a policy now. */
@RegisterForReflection
public record StartRun(UUID policyId, Trigger trigger) {

    /** Who asked for the run: an operator (through policy-service) or the policy's schedule. */
    public enum Trigger {
        MANUAL, SCHEDULED
    }
}
