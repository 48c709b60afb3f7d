package dev.sfbackup.session.backup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * Where a backup task writes and how far it got, kept beside the engine's task row: the restore point it opened, the
 * last batch storage acknowledged and the last record id in it (a resumed task continues after them).
 */
@Entity
@Table(name = "backup_task_state")
public class BackupTaskState {

    @Id
    @Column(name = "task_id")
    public UUID taskId;

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
}
