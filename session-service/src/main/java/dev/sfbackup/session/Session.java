package dev.sfbackup.session;

import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.SessionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A part of a run by type (metadata, files, data); its status rolls up from its tasks. */
@Entity
@Table(name = "session")
public class Session {

    @Id
    public UUID id;

    @Column(name = "run_id")
    public UUID runId;

    @Column(name = "policy_id")
    public UUID policyId;

    /** The org connection of the session's run (null for sessions from before orgs were recorded). */
    @Column(name = "connection_id")
    public UUID connectionId;

    @Enumerated(EnumType.STRING)
    public SessionType type;

    @Enumerated(EnumType.STRING)
    public BackupKind kind;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    public String label;

    @Column(name = "stop_requested")
    public boolean stopRequested;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** When a task of the session last recorded progress (records read, written or uploaded); the watchdog's measure. */
    @Column(name = "last_progress_at")
    public Instant lastProgressAt;

    public boolean isFinished() {
        return status != SessionStatus.PENDING && status != SessionStatus.RUNNING;
    }
}
