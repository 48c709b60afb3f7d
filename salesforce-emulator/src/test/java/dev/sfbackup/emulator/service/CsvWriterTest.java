package dev.sfbackup.emulator.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.emulator.org.DemoOrgBlueprint;
import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.OrgSpec;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.soql.QueryPlan;
import dev.sfbackup.emulator.soql.SoqlCompiler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    /** Pieces of text a value is made of: the characters CSV and UTF-8 get wrong, beside plain ones. */
    private static final List<String> PIECES = List.of("a", "Z", "9", " ", "\"", "\"\"", ",", ";", "|", "^", "`", "\t", "\n",
            "\r\n", "\r", "é", "ü", "ß", "€", "中文", "😀", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\u0000", "\u007F", "\u0080",
            "\u07FF", "\u0800", "\uFFFF", "O'Brien", "\"Premium\" Services");

    @Test
    void writesTheSameBytesAsThePlainWriterForEdgeCaseValuesWithEveryDelimiterAndLineEnding() throws IOException {
        QueryPlan plan = planOverEdgeCaseValues();
        int[] results = plan.execute(true);
        for (char delimiter : new char[] {',', '\t', '|', ';', '^', '`'}) {
            for (String lineEnding : List.of("\n", "\r\n")) {
                assertArrayEquals(plain(plan, results, delimiter, lineEnding), fast(plan, results, delimiter, lineEnding),
                        "delimiter " + (int) delimiter + ", line ending " + lineEnding.length());
            }
        }
    }

    @Test
    void aValueLongerThanTheBufferIsWrittenWhole() throws IOException {
        String longText = "x\"y,é😀".repeat(40_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter csv = new CsvWriter(out, ',', "\n");
        csv.cell(true, "a");
        csv.cell(false, longText);
        csv.cell(false, null);
        csv.endRow();
        csv.flush();
        String expected = "\"a\",\"" + longText.replace("\"", "\"\"") + "\",\n";
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }

    /** Accounts with extra fields whose values are random edge cases: text, whole and fractional doubles, far dates. */
    private static QueryPlan planOverEdgeCaseValues() {
        Org org = DemoOrgBlueprint.build(new OrgSpec(7, Map.of("Account", 800, "User", 5), 0, 1000));
        SObjectTable accounts = org.table("Account").orElseThrow();
        accounts.addField(FieldDef.data("Edge_Text__c", FieldType.TEXTAREA, 131072, true, (r, n) -> edgeText(new SplittableRandom(n))));
        accounts.addField(FieldDef.data("Edge_Number__c", FieldType.DOUBLE, 0, true, (r, n) -> edgeNumber(new SplittableRandom(n))));
        accounts.addField(FieldDef.data("Edge_Int__c", FieldType.INT, 0, true, (r, n) -> (int) n));
        accounts.addField(FieldDef.data("Edge_Date__c", FieldType.DATE, 0, true,
                (r, n) -> LocalDate.ofEpochDay(new SplittableRandom(n).nextLong(-800_000, 3_000_000))));
        accounts.addField(FieldDef.data("Edge_Time__c", FieldType.DATETIME, 0, true,
                (r, n) -> Instant.ofEpochMilli(new SplittableRandom(n).nextLong(-70_000_000_000_000L, 300_000_000_000_000L))));
        String fields = String.join(", ", accounts.fields().stream().map(FieldDef::name).toList());
        return SoqlCompiler.compile("SELECT " + fields + " FROM Account", org);
    }

    private static String edgeText(SplittableRandom random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return "";
        }
        int pieces = kind == 2 && random.nextInt(4) == 0 ? random.nextInt(10_000, 30_000) : random.nextInt(1, 40);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return text.toString();
    }

    private static Double edgeNumber(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> (double) random.nextLong(-1_000_000_000L, 1_000_000_000L);
            case 1 -> random.nextDouble(-1e6, 1e6);
            case 2 -> random.nextBoolean() ? 1e20 : -1e300;
            case 3 -> random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
            case 4 -> -0.0;
            default -> null;
        };
    }

    private static byte[] plain(QueryPlan plan, int[] results, char delimiter, String lineEnding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlainCsvWriter.writeResults(plan, results, 0, results.length, delimiter, lineEnding, out);
        return out.toByteArray();
    }

    private static byte[] fast(QueryPlan plan, int[] results, char delimiter, String lineEnding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.writeResults(plan, results, 0, results.length, delimiter, lineEnding, out);
        return out.toByteArray();
    }
}
