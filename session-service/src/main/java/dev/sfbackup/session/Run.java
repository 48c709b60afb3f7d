package dev.sfbackup.session;

import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.SessionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One execution of a policy, with the policy options it was planned with. */
@Entity
@Table(name = "run")
public class Run {

    @Id
    public UUID id;

    @Column(name = "policy_id")
    public UUID policyId;

    /** The org connection of the policy when the run started (null for runs from before orgs were recorded). */
    @Column(name = "connection_id")
    public UUID connectionId;

    @Enumerated(EnumType.STRING)
    public BackupKind kind;

    public String trigger;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    public int parallelism;

    @Column(name = "api_budget_percent")
    public int apiBudgetPercent;

    @Column(name = "inactivity_timeout_millis")
    public long inactivityTimeoutMillis;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** Why the run ended FAILED before it had sessions (its planning failed); null otherwise. */
    @Column(name = "failure_reason")
    public String failureReason;

    /** Renewed by the instance planning the run; a PENDING run without sessions whose heartbeat stopped lost its planner. */
    @Column(name = "planning_heartbeat_at")
    public Instant planningHeartbeatAt;
}
