package dev.sfbackup.api.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One execution of a policy, as session-service reports it (201 of POST /api/v1/runs, GET /api/v1/runs/{id}). A run is
 * recorded PENDING without sessions and planned as its first step; failureReason says why a run ended FAILED before
 * it had sessions (planning failed: bad credentials, the org or a service unreachable). anomalies lists what an ended
 * incremental run saw unusual per object (mass deletions, far more changes than usual); empty otherwise.
 */
@RegisterForReflection
public record RunView(UUID id, UUID policyId, BackupKind kind, StartRun.Trigger trigger, SessionStatus status,
        Instant startedAt, Instant endedAt, String failureReason, List<SessionSummary> sessions, List<RunAnomaly> anomalies) {

    /** A session of the run, without its tasks. */
    @RegisterForReflection
    public record SessionSummary(UUID id, SessionType type, SessionStatus status) {
    }
}
