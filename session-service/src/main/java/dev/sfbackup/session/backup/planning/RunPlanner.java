package dev.sfbackup.session.backup.planning;

import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.session.backup.BackupTaskKind;
import dev.sfbackup.session.service.PlannedSession;
import dev.sfbackup.session.service.PlannedTask;
import dev.sfbackup.session.service.RunPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a run into sessions as DESIGN.md says: one METADATA session, one FILE session, one DATA session per object
 * above the large-object threshold, and one DATA session for all the other objects. The METADATA session reads each
 * describe in a task of its own (the describeGlobal and one per object), then stores them all in one restore point.
 */
public final class RunPlanner {

    /** The object of the describe task that reads the org's describeGlobal. */
    public static final String DESCRIBE_GLOBAL = "describeGlobal";
    /** The object of the METADATA session's last task, which stores every describe in one restore point. */
    public static final String METADATA_POINT_TASK = "metadata";
    public static final String FILES_TASK = "ContentVersion";
    public static final String SMALL_OBJECTS_LABEL = "objects";

    private RunPlanner() {
    }

    public static RunPlan plan(PlanInput input) {
        List<PlannedSession> sessions = new ArrayList<>();
        if (input.includeMetadata()) {
            sessions.add(new PlannedSession(SessionType.METADATA, "metadata", metadataTasks(input)));
        }
        if (input.includeFiles()) {
            sessions.add(new PlannedSession(SessionType.FILE, "files",
                    List.of(new PlannedTask(BackupTaskKind.BACKUP_FILES.name(), FILES_TASK, null))));
        }
        List<PlannedTask> smallObjects = new ArrayList<>();
        for (Map.Entry<String, Long> object : input.objectRecordCounts().entrySet()) {
            PlannedTask task = new PlannedTask(BackupTaskKind.BACKUP_DATA.name(), object.getKey(), object.getValue());
            if (isLarge(object.getValue(), input.largeObjectThreshold())) {
                sessions.add(new PlannedSession(SessionType.DATA, object.getKey(), List.of(task)));
            } else {
                smallObjects.add(task);
            }
        }
        if (!smallObjects.isEmpty()) {
            sessions.add(new PlannedSession(SessionType.DATA, SMALL_OBJECTS_LABEL, smallObjects));
        }
        int tasks = sessions.stream().mapToInt(session -> session.tasks().size()).sum();
        return new RunPlan(sessions, Math.max(1, Math.min(input.parallelism(), tasks)));
    }

    private static List<PlannedTask> metadataTasks(PlanInput input) {
        List<PlannedTask> tasks = new ArrayList<>();
        tasks.add(new PlannedTask(BackupTaskKind.BACKUP_DESCRIBE.name(), DESCRIBE_GLOBAL, null));
        input.objectRecordCounts().keySet().forEach(object -> tasks.add(new PlannedTask(BackupTaskKind.BACKUP_DESCRIBE.name(), object, null)));
        tasks.add(new PlannedTask(BackupTaskKind.BACKUP_METADATA.name(), METADATA_POINT_TASK, null, 1));
        return tasks;
    }

    private static boolean isLarge(Long recordCount, long threshold) {
        return recordCount != null && recordCount > threshold;
    }
}
