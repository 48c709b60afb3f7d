package dev.sfbackup.session.backup.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.session.service.PlannedSession;
import dev.sfbackup.session.service.PlannedTask;
import dev.sfbackup.session.service.RunPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPlannerTest {

    private static final String DATA = "BACKUP_DATA";
    private static final String DESCRIBE = "BACKUP_DESCRIBE";

    private static Map<String, Long> org() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("Account", 500L);
        counts.put("Contact", 1500L);
        counts.put("Case", 1000L);
        counts.put("Opportunity", 25_000L);
        counts.put("AssetAttribute", null);
        return counts;
    }

    @Test
    void objectAboveTheThresholdGetsADataSessionOfItsOwn() {
        RunPlan plan = RunPlanner.plan(new PlanInput(false, false, 1000, 4, org()));
        List<PlannedSession> data = plan.sessions();
        assertEquals(3, data.size());
        assertEquals(new PlannedSession(SessionType.DATA, "Contact", List.of(new PlannedTask(DATA, "Contact", 1500L))), data.get(0));
        assertEquals(new PlannedSession(SessionType.DATA, "Opportunity", List.of(new PlannedTask(DATA, "Opportunity", 25_000L))), data.get(1));
        assertEquals(List.of("Account", "Case", "AssetAttribute"),
                data.get(2).tasks().stream().map(PlannedTask::object).toList(), "an object exactly at the threshold or without a count is small");
        assertEquals(RunPlanner.SMALL_OBJECTS_LABEL, data.get(2).label());
    }

    @Test
    void metadataAndFilesGetOneSessionEachWhenIncluded() {
        RunPlan plan = RunPlanner.plan(new PlanInput(true, true, 1000, 4, org()));
        assertEquals(List.of(SessionType.METADATA, SessionType.FILE, SessionType.DATA, SessionType.DATA, SessionType.DATA),
                plan.sessions().stream().map(PlannedSession::type).toList());
        assertEquals(7 + 6, plan.taskCount(), "the five objects' tasks, the file task, and six describes and a restore point");
    }

    @Test
    void everyDescribeIsATaskOfItsOwnAndTheMetadataRestorePointWaitsForThemAll() {
        PlannedSession metadata = RunPlanner.plan(new PlanInput(true, false, 1000, 4, org())).sessions().get(0);
        assertEquals(List.of(
                new PlannedTask(DESCRIBE, RunPlanner.DESCRIBE_GLOBAL, null, 0),
                new PlannedTask(DESCRIBE, "Account", null, 0),
                new PlannedTask(DESCRIBE, "Contact", null, 0),
                new PlannedTask(DESCRIBE, "Case", null, 0),
                new PlannedTask(DESCRIBE, "Opportunity", null, 0),
                new PlannedTask(DESCRIBE, "AssetAttribute", null, 0),
                new PlannedTask("BACKUP_METADATA", RunPlanner.METADATA_POINT_TASK, null, 1)), metadata.tasks());
    }

    @Test
    void parallelismOneRunsOneTaskAtATime() {
        assertEquals(1, RunPlanner.plan(new PlanInput(true, true, 1000, 1, org())).parallelism());
    }

    @Test
    void parallelismEightIsBoundedByTheNumberOfTasks() {
        assertEquals(6, RunPlanner.plan(new PlanInput(false, true, 1000, 8, org())).parallelism());
        Map<String, Long> many = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            many.put("Object" + i + "__c", (long) i * 10);
        }
        RunPlan plan = RunPlanner.plan(new PlanInput(false, false, 1000, 8, many));
        assertEquals(8, plan.parallelism());
        assertEquals(20, plan.taskCount());
        assertEquals(1, plan.sessions().size(), "twenty small objects share one DATA session");
    }

    @Test
    void withoutObjectsOnlyMetadataAndFilesArePlanned() {
        RunPlan plan = RunPlanner.plan(new PlanInput(true, false, 1000, 8, Map.of()));
        assertEquals(1, plan.sessions().size());
        assertEquals(2, plan.taskCount(), "the describeGlobal and the restore point");
        assertEquals(2, plan.parallelism());
    }
}
