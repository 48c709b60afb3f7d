package dev.sfbackup.api.restore;

import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A restore as session-service reports it (202 of POST /api/v1/restores, GET /api/v1/restores/{id}). */
@RegisterForReflection
public record RestoreView(UUID id, UUID policyId, UUID targetConnectionId, UUID restorePointId, Instant asOf,
        RestoreMode mode, boolean dryRun, List<String> objects, SessionStatus status, Instant startedAt, Instant endedAt,
        List<RunView.SessionSummary> sessions, RestoreCounters counters) {
}
