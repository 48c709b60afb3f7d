package dev.sfbackup.emulator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.emulator.org.DemoOrgBlueprint;
import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.GenericValues;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.OrgSpec;
import dev.sfbackup.emulator.org.RecordState;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.soql.QueryPlan;
import dev.sfbackup.emulator.soql.SoqlCompiler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The emulator's generated org is a fixture other modules' tests and benchmarks depend on: the same seed must serve
 * the same bytes. The digests below were computed by running this test's code against the emulator as it was before
 * the Bulk CSV path was made cheaper (commit 4cc70a7 on main); a change to generation or formatting shows up here.
 */
class GeneratedOutputGoldenTest {

    private static final Map<String, Integer> COUNTS = Map.of("User", 40, "Account", 6000, "Contact", 3000, "Opportunity", 1500,
            "Case", 1500, "Attachment", 50, "AssetAttribute", 500, "ContentWorkspaceMember", 200);
    private static final long NOW = Instant.parse("2025-06-01T12:34:56.789Z").toEpochMilli();

    @Test
    void bulkCsvOfEveryObjectIsTheSameAsBeforeTheFastWriter() throws Exception {
        Org org = changedOrg();
        MessageDigest digest = sha256();
        for (SObjectTable table : org.tables()) {
            if (table.requiredFilterFields().isEmpty()) {
                digest.update(csv(org, table, ',', "\n"));
            }
        }
        SObjectTable accounts = org.table("Account").orElseThrow();
        digest.update(csv(org, accounts, '\t', "\r\n"));
        digest.update(csv(org, accounts, '|', "\n"));
        assertEquals("452cc2215b80e5d9b0abc87486ec9d12c92e37ab5fd7424b4c0be38d69e82848", HexFormat.of().formatHex(digest.digest()));
    }

    @Test
    void restValuesOfEveryObjectAreTheSameAsBeforeTheFastWriter() throws Exception {
        Org org = changedOrg();
        MessageDigest digest = sha256();
        for (SObjectTable table : org.tables()) {
            for (int i = 0; i < table.size(); i++) {
                RecordView record = table.view(i);
                StringBuilder line = new StringBuilder(record.id());
                for (FieldDef field : table.fields()) {
                    Object json = field.type().toJson(record.get(field));
                    line.append('|').append(json == null ? "null" : json.getClass().getSimpleName() + ":" + json);
                }
                digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        assertEquals("44a577118c0fd3a3c565b111bb49f6cb3baec153d2c6fa556eb767b0e9b27053", HexFormat.of().formatHex(digest.digest()));
    }

    /** Seed 11 (the engine bench's), with updates, deletions, inserts and a field added later, as a backup meets them. */
    private static Org changedOrg() {
        Org org = DemoOrgBlueprint.build(new OrgSpec(11, COUNTS, 30, 1000));
        SObjectTable accounts = org.table("Account").orElseThrow();
        accounts.addField(FieldDef.data("Tier__c", FieldType.PICKLIST, 255, true,
                GenericValues.onlyForNewOrChanged(accounts.size(), GenericValues.of(FieldType.PICKLIST, "Tier__c", 255))));
        accounts.addField(FieldDef.data("Score__c", FieldType.DOUBLE, 0, true,
                GenericValues.onlyForNewOrChanged(accounts.size(), GenericValues.of(FieldType.DOUBLE, "Score__c", 0))));
        for (SObjectTable table : List.of(accounts, org.table("Contact").orElseThrow())) {
            for (int i = 3; i < table.generatedCount(); i += 97) {
                Map<String, Object> values = new HashMap<>();
                values.put("Description", i % 2 == 0 ? null : "Changed, \"quoted\"\nsecond line — ünïcödé " + i);
                table.replace(i, table.state(i).updated(NOW + i, values, true));
            }
            for (int i = 5; i < table.generatedCount(); i += 211) {
                table.replace(i, table.state(i).deletedAt(NOW + i));
            }
            for (int i = 0; i < 5; i++) {
                table.append(new RecordState(0, NOW + i * 1000L, NOW + i * 1000L, true,
                        Map.of("LastName", "Inserted " + i, "Name", "Inserted, Ltd " + i), 0));
            }
        }
        return org;
    }

    private static byte[] csv(Org org, SObjectTable table, char delimiter, String lineEnding) throws IOException {
        String fields = table.fields().stream().filter(f -> f.type() != FieldType.BASE64).map(FieldDef::name)
                .collect(Collectors.joining(", "));
        QueryPlan plan = SoqlCompiler.compile("SELECT " + fields + " FROM " + table.name(), org);
        int[] results = plan.execute(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.writeResults(plan, results, 0, results.length, delimiter, lineEnding, out);
        return out.toByteArray();
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }
}
