package dev.sfbackup.session.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.api.session.SessionType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPlannerTest {

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
        assertEquals(new PlannedSession(SessionType.DATA, "Contact", List.of(new PlannedTask("Contact", 1500L))), data.get(0));
        assertEquals(new PlannedSession(SessionType.DATA, "Opportunity", List.of(new PlannedTask("Opportunity", 25_000L))), data.get(1));
        assertEquals(List.of("Account", "Case", "AssetAttribute"),
                data.get(2).tasks().stream().map(PlannedTask::object).toList(), "an object exactly at the threshold or without a count is small");
        assertEquals(RunPlanner.SMALL_OBJECTS_LABEL, data.get(2).label());
    }

    @Test
    void metadataAndFilesGetOneSessionEachWhenIncluded() {
        RunPlan plan = RunPlanner.plan(new PlanInput(true, true, 1000, 4, org()));
        assertEquals(List.of(SessionType.METADATA, SessionType.FILE, SessionType.DATA, SessionType.DATA, SessionType.DATA),
                plan.sessions().stream().map(PlannedSession::type).toList());
        assertEquals(7, plan.taskCount());
    }

    @Test
    void parallelismOneRunsOneTaskAtATime() {
        assertEquals(1, RunPlanner.plan(new PlanInput(true, true, 1000, 1, org())).parallelism());
    }

    @Test
    void parallelismEightIsBoundedByTheNumberOfTasks() {
        assertEquals(7, RunPlanner.plan(new PlanInput(true, true, 1000, 8, org())).parallelism());
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
        assertEquals(1, plan.parallelism());
    }
}
