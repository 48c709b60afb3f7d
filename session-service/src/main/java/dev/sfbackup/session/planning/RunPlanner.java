package dev.sfbackup.session.planning;

import dev.sfbackup.api.session.SessionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a run into sessions as DESIGN.md says: one METADATA session, one FILE session, one DATA session per object
 * above the large-object threshold, and one DATA session for all the other objects.
 */
public final class RunPlanner {

    public static final String METADATA_TASK = "metadata";
    public static final String FILES_TASK = "ContentVersion";
    public static final String SMALL_OBJECTS_LABEL = "objects";

    private RunPlanner() {
    }

    public static RunPlan plan(PlanInput input) {
        List<PlannedSession> sessions = new ArrayList<>();
        if (input.includeMetadata()) {
            sessions.add(new PlannedSession(SessionType.METADATA, "metadata", List.of(new PlannedTask(METADATA_TASK, null))));
        }
        if (input.includeFiles()) {
            sessions.add(new PlannedSession(SessionType.FILE, "files", List.of(new PlannedTask(FILES_TASK, null))));
        }
        List<PlannedTask> smallObjects = new ArrayList<>();
        for (Map.Entry<String, Long> object : input.objectRecordCounts().entrySet()) {
            PlannedTask task = new PlannedTask(object.getKey(), object.getValue());
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

    private static boolean isLarge(Long recordCount, long threshold) {
        return recordCount != null && recordCount > threshold;
    }
}
