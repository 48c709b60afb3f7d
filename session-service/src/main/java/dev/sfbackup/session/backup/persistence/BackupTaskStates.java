package dev.sfbackup.session.backup.persistence;

import dev.sfbackup.session.backup.BackupTaskState;
import dev.sfbackup.session.backup.ResumePoint;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The backup state of tasks, one row per backup task that opened a restore point. */
@ApplicationScoped
public class BackupTaskStates implements PanacheRepositoryBase<BackupTaskState, UUID> {

    /** An empty last record id means the batch held no record: the task's last one stays. */
    private static final String ADVANCE = """
            update backup_task_state set last_batch_seq = greatest(last_batch_seq, :seq),
                last_record_id = coalesce(nullif(:lastRecordId, ''), last_record_id)
            where task_id = :task
            """;

    private static final String POINT_OPENED = """
            insert into backup_task_state (task_id, restore_point_id, point_kind, last_batch_seq, last_record_id, watermark_field)
            values (:task, :point, :kind, 0, null, nullif(:field, ''))
            on conflict (task_id) do update set restore_point_id = excluded.restore_point_id, point_kind = excluded.point_kind,
                last_batch_seq = 0, last_record_id = null, watermark_field = excluded.watermark_field
            """;

    public ResumePoint resumePoint(UUID taskId) {
        BackupTaskState state = findById(taskId);
        return state == null ? ResumePoint.NONE
                : new ResumePoint(state.restorePointId, state.pointKind, state.lastBatchSeq, state.lastRecordId);
    }

    /** The task writes into a fresh restore point from its first batch. */
    public void pointOpened(UUID taskId, UUID pointId, String pointKind, String watermarkField) {
        getEntityManager().createNativeQuery(POINT_OPENED).setParameter("task", taskId).setParameter("point", pointId)
                .setParameter("kind", pointKind).setParameter("field", watermarkField == null ? "" : watermarkField)
                .executeUpdate();
    }

    /** Storage acknowledged batch seq, whose last record is lastRecordId (null: the batch held none). */
    public void advance(UUID taskId, int seq, String lastRecordId) {
        getEntityManager().createNativeQuery(ADVANCE).setParameter("task", taskId).setParameter("seq", seq)
                .setParameter("lastRecordId", lastRecordId == null ? "" : lastRecordId).executeUpdate();
    }

    public Map<UUID, BackupTaskState> byTasks(Collection<UUID> taskIds) {
        List<BackupTaskState> states = taskIds.isEmpty() ? List.of() : list("taskId in ?1", taskIds);
        return states.stream().collect(Collectors.toMap(state -> state.taskId, Function.identity()));
    }
}
