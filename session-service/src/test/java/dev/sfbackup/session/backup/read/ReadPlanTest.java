package dev.sfbackup.session.backup.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.salesforce.SObjectDescribe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPlanTest {

    private static final SObjectDescribe ACCOUNT = new SObjectDescribe("Account", "Account", false, true, true, true, true, true, List.of());

    @Test
    void initialRestReadIsOrderedByIdSoItCanResume() {
        ReadPlan plan = new ReadPlan(ACCOUNT, List.of("Id", "Name"), RestorePointKind.INITIAL, "SystemModstamp", null, false);
        assertEquals("SELECT Id, Name FROM Account ORDER BY Id", plan.soql("Account", Duration.ofMinutes(5), null));
        assertEquals("SELECT Id, Name FROM Account WHERE Id > '001000000000123' ORDER BY Id",
                plan.soql("Account", Duration.ofMinutes(5), "001000000000123"));
    }

    @Test
    void incrementalReadStartsAnOverlapBeforeTheWatermark() {
        ReadPlan plan = new ReadPlan(ACCOUNT, List.of("Id", "Name", "SystemModstamp"), RestorePointKind.INCREMENTAL,
                "SystemModstamp", Instant.parse("2026-01-01T10:05:00Z"), false);
        assertEquals("SELECT Id, Name, SystemModstamp FROM Account WHERE SystemModstamp > 2026-01-01T10:00:00Z ORDER BY Id",
                plan.soql("Account", Duration.ofMinutes(5), null));
    }

    @Test
    void bulkReadsHaveNoOrderAndNeverResumeById() {
        ReadPlan plan = new ReadPlan(ACCOUNT, List.of("Id"), RestorePointKind.FULL, null, null, true);
        assertEquals("SELECT Id FROM Account", plan.soql("Account", Duration.ofMinutes(5), "001000000000123"));
    }

    @Test
    void bulkSegmentsAreIdRangesWithoutOrderOrLimitAndTheSeekFindsTheirFirstId() {
        ReadPlan plan = new ReadPlan(ACCOUNT, List.of("Id", "Name"), RestorePointKind.INITIAL, "SystemModstamp", null, true);
        assertEquals("SELECT Id, Name FROM Account WHERE Id >= '001000000000123' AND Id < '001000000000V3'",
                plan.segmentSoql("Account", Duration.ofMinutes(5), "001000000000123", "001000000000V3"));
        assertEquals("SELECT Id, Name FROM Account WHERE Id >= '001000000000123'",
                plan.segmentSoql("Account", Duration.ofMinutes(5), "001000000000123", null));
        assertEquals("SELECT Id FROM Account ORDER BY Id LIMIT 1", plan.firstIdSoql("Account", Duration.ofMinutes(5), null));
        assertEquals("SELECT Id FROM Account WHERE Id >= '001000000000V3' ORDER BY Id LIMIT 1",
                plan.firstIdSoql("Account", Duration.ofMinutes(5), "001000000000V3"));
    }
}
