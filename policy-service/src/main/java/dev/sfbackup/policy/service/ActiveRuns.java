package dev.sfbackup.policy.service;

import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.policy.client.SessionRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Whether a policy has a run in session-service that a change of the policy would pull the ground from under. */
@ApplicationScoped
public class ActiveRuns {

    private final SessionRuns sessionRuns;

    public ActiveRuns(SessionRuns sessionRuns) {
        this.sessionRuns = sessionRuns;
    }

    /** 409 while a run is active; 503 when session-service cannot tell (a delete must not orphan restore points). */
    public void refuseWhileActive(UUID policyId) {
        boolean active;
        try {
            active = sessionRuns.hasActiveRun(policyId);
        } catch (RuntimeException e) {
            throw ApiProblem.unavailable("cannot confirm that policy " + policyId + " has no active run: session-service"
                    + " did not answer (" + e.getMessage() + "); try again when it is up");
        }
        if (active) {
            throw ApiProblem.conflict("policy " + policyId + " has an active run; stop its sessions"
                    + " (session-service POST /api/v1/sessions/{id}/stop) or wait for it to end, then delete the policy");
        }
    }
}
