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

/** One object (or file batch, or metadata set) of a session, claimed by one engine instance at a time. */
@Entity
@Table(name = "backup_task")
public class BackupTask {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "run_id")
    public UUID runId;

    public int ordinal;

    @Column(name = "object_name")
    public String objectName;

    @Column(name = "expected_records")
    public Long expectedRecords;

    @Enumerated(EnumType.STRING)
    public TaskStatus status;

    @Column(name = "restore_point_id")
    public UUID restorePointId;

    @Column(name = "point_kind")
    public String pointKind;

    @Column(name = "last_batch_seq")
    public int lastBatchSeq;

    @Column(name = "last_record_id")
    public String lastRecordId;

    @Column(name = "watermark_field")
    public String watermarkField;

    @Column(name = "watermark_value")
    public Instant watermarkValue;

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

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;
}
