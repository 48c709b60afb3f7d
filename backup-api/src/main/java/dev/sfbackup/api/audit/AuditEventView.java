package dev.sfbackup.api.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * One entry of a service's audit trail. actorSubject and actorName come from the caller's token (null when it had
 * none); actorClient is the client that asked for the token; role is the role that allowed the call (null when
 * refused); target is the path of what was touched; details add what the path does not say (never contents or secrets).
 */
@RegisterForReflection
public record AuditEventView(long id, Instant at, String actorSubject, String actorName, String actorClient, String role,
        String action, String method, String target, AuditOutcome outcome, int status, String requestId, String details) {
}
