package dev.sfbackup.emulator.soql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.emulator.org.DemoOrgBlueprint;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.OrgSpec;
import dev.sfbackup.emulator.org.RecordState;
import dev.sfbackup.emulator.org.SObjectTable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queries answered from the modification index give exactly what a scan of every record gives. */
class ModificationIndexTest {

    private static final long FIRST_CHANGE = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private Org org;
    private SObjectTable accounts;
    private Instant newestGenerated;
    private final List<Instant> boundaries = new ArrayList<>();

    @BeforeEach
    void changedOrg() {
        org = DemoOrgBlueprint.build(new OrgSpec(7, Map.of("Account", 30_000), 0, 1000));
        accounts = org.table("Account").orElseThrow();
        int newest = SoqlCompiler.compile("SELECT Id FROM Account ORDER BY SystemModstamp DESC LIMIT 1", org).execute(false)[0];
        newestGenerated = accounts.view(newest).modifiedDate();
        long now = FIRST_CHANGE;
        for (int i = 0; i < 300; i++) {
            int index = (i * 7919) % 30_000;
            accounts.replace(index, accounts.state(index).updated(now++, Map.of(), true));
        }
        for (int i = 0; i < 80; i++) {
            int index = (i * 104_729 + 13) % 30_000;
            accounts.replace(index, accounts.state(index).deletedAt(now++));
        }
        for (int i = 0; i < 40; i++) {
            accounts.append(new RecordState(0, now++, 0, false, Map.of(), 0));
        }
        // a generated record near the end of the seed data, changed too: it must be found once, with its new stamp
        accounts.replace(29_990, accounts.state(29_990).updated(now++, Map.of(), true));
        boundaries.addAll(List.of(Instant.EPOCH, newestGenerated.minusSeconds(300), newestGenerated.minusMillis(1), newestGenerated,
                newestGenerated.plusMillis(1), Instant.ofEpochMilli(FIRST_CHANGE - 1), Instant.ofEpochMilli(FIRST_CHANGE),
                Instant.ofEpochMilli(FIRST_CHANGE + 150),
                Instant.ofEpochMilli(now - 1), Instant.ofEpochMilli(now)));
    }

    @Test
    void selectiveModstampQueriesAnswerLikeAFullScanAtEveryBoundary() {
        for (Instant at : boundaries) {
            String x = literal(at);
            for (String where : List.of("SystemModstamp > " + x, "SystemModstamp >= " + x, "LastModifiedDate > " + x,
                    "SystemModstamp = " + x, "IsDeleted = true AND SystemModstamp > " + x,
                    "SystemModstamp > " + x + " AND Name LIKE '%a%'",
                    "(SystemModstamp > " + x + " OR LastModifiedDate >= " + x + ") AND IsDeleted = false")) {
                for (String tail : List.of("", " ORDER BY SystemModstamp, Id", " ORDER BY Name DESC NULLS LAST LIMIT 150 OFFSET 20",
                        " LIMIT 2500")) {
                    QueryPlan plan = SoqlCompiler.compile("SELECT Id, Name FROM Account WHERE " + where + tail, org);
                    assertNotNull(plan.modifiedFrom(), where);
                    assertSameAnswers(plan);
                }
            }
        }
    }

    @Test
    void queriesThatDoNotRequireAModstampScanEveryRecordAndStillAgree() {
        for (Instant at : boundaries) {
            String x = literal(at);
            for (String where : List.of("", " WHERE NOT SystemModstamp <= " + x, " WHERE SystemModstamp > " + x + " OR Name LIKE 'A%'",
                    " WHERE SystemModstamp < " + x, " WHERE IsDeleted = true")) {
                QueryPlan plan = SoqlCompiler.compile("SELECT Id FROM Account" + where + " ORDER BY SystemModstamp DESC", org);
                assertNull(plan.modifiedFrom(), where);
                assertSameAnswers(plan);
            }
        }
    }

    @Test
    void anIncrementalQueryAfterTheSeedDataTestsOnlyTheChangedRecords() {
        long from = newestGenerated.toEpochMilli() + 1;
        int[] candidates = accounts.indexesModifiedSince(from);
        assertEquals(changedRecords(), candidates.length);
        QueryPlan plan = SoqlCompiler.compile("SELECT COUNT() FROM Account WHERE SystemModstamp > " + literal(newestGenerated), org);
        assertSameAnswers(plan);
    }

    @Test
    void anIncrementalQueryTestsOnlyTheRecordsChangedSinceItsInstantNotEveryRecordChangedBefore() {
        long from = FIRST_CHANGE + 150;
        accounts.replace(7919, accounts.state(7919).updated(from + 1000, Map.of(), true));
        long changedSince = IntStream.range(0, accounts.size())
                .filter(i -> accounts.state(i) != RecordState.generated() && accounts.view(i).modifiedDate().toEpochMilli() >= from)
                .count();
        assertEquals(changedSince, accounts.indexesModifiedSince(from).length);
        assertSameAnswers(SoqlCompiler.compile("SELECT Id FROM Account WHERE SystemModstamp >= " + literal(Instant.ofEpochMilli(from)), org));
    }

    private int changedRecords() {
        return (int) IntStream.range(0, accounts.size()).filter(i -> accounts.state(i) != RecordState.generated()).count();
    }

    private static void assertSameAnswers(QueryPlan plan) {
        for (boolean includeDeleted : new boolean[] {false, true}) {
            assertArrayEquals(plan.withoutIndex().execute(includeDeleted), plan.execute(includeDeleted),
                    "queryAll=" + includeDeleted + " modifiedFrom=" + plan.modifiedFrom());
        }
    }

    private static String literal(Instant at) {
        return MILLIS.format(at);
    }
}
