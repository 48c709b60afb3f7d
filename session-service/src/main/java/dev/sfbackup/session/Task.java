package dev.sfbackup.session;

import dev.sfbackup.api.session.TaskStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One unit of work of a session (an object, the file set, one describe, …), claimed by one engine instance at a time.
 * Its kind names the executor that runs it; what only that kind needs lives in the kind's own table, by task id.
 */
@Entity
@Table(name = "task")
public class Task {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "run_id")
    public UUID runId;

    public int ordinal;

    public String kind;

    /** The task is claimed only once every task of an earlier stage of its session has finished. */
    public int stage;

    @Column(name = "object_name")
    public String objectName;

    @Column(name = "expected_records")
    public Long expectedRecords;

    @Enumerated(EnumType.STRING)
    public TaskStatus status;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    public int attempts;

    @Column(name = "records_read")
    public long recordsRead;

    @Column(name = "records_new")
    public long recordsNew;

    @Column(name = "records_changed")
    public long recordsChanged;

    @Column(name = "records_deleted")
    public long recordsDeleted;

    @Column(name = "records_unchanged")
    public long recordsUnchanged;

    public long bytes;

    @Column(name = "api_calls")
    public long apiCalls;

    public String message;

    /** Ended WARNING because some of its items failed (see {@code TaskOutcome.partial}). */
    @Column(name = "completed_with_errors")
    public boolean completedWithErrors;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;
}
