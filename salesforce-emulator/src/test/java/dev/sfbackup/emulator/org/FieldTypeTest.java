package dev.sfbackup.emulator.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FieldTypeTest {

    @Test
    void bulkDateTimesMatchTheIsoFormatWithMillisecondsAndZ() {
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L));
            assertEquals(iso.format(instant), FieldType.DATETIME.toCsv(instant));
        }
    }

    @Test
    void restDateTimesUseSalesforceOffsetNotation() {
        assertEquals("2025-01-06T08:00:00.000+0000", FieldType.DATETIME.toJson(Instant.parse("2025-01-06T08:00:00Z")));
    }

    @Test
    void idsCarryTheCaseSafeChecksumAndParseBack() {
        String id = SalesforceIds.id("001", 123_456);
        assertEquals(18, id.length());
        assertEquals(123_456, SalesforceIds.counterOf("001", id));
        assertEquals(123_456, SalesforceIds.counterOf("001", id.substring(0, 15)));
        assertEquals(-1, SalesforceIds.counterOf("003", id));
        // The documented example: 15-character 001A0000006Vm9r has the 18-character form 001A0000006Vm9rIAC.
        assertEquals("IAC", SalesforceIds.checksum("001A0000006Vm9r"));
    }
}
