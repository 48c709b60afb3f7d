package dev.sfbackup.storage.restorepoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.storage.restorepoint.service.CanonicalRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CanonicalRecordTest {

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CanonicalRecord canonical(String json) throws Exception {
        return CanonicalRecord.of(mapper.readTree(json));
    }

    @Test
    void sameContentSpelledDifferentlyHashesAlike() throws Exception {
        CanonicalRecord rest = canonical("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme\",\"Id\":\"001A\","
                + "\"Amount\":10.50,\"Fax\":null,\"SystemModstamp\":\"2026-01-02T03:04:05.000+0000\"}");
        CanonicalRecord bulk = canonical("{\"Id\":\"001A\",\"SystemModstamp\":\"2026-01-02T03:04:05Z\",\"Amount\":10.5,\"Name\":\"Acme\"}");

        assertEquals("{\"Amount\":10.5,\"Id\":\"001A\",\"Name\":\"Acme\",\"SystemModstamp\":\"2026-01-02T03:04:05.000Z\"}",
                new String(rest.json(), StandardCharsets.UTF_8));
        assertArrayEquals(rest.sha256(), bulk.sha256());
    }

    @Test
    void wholeNumbersLoseTheirFractionAndNestedAttributesGo() throws Exception {
        assertEquals("{\"Account\":{\"Name\":\"x\"},\"Big\":12345678901234567890123,\"N\":3}",
                new String(canonical("{\"N\":3.000,\"Big\":12345678901234567890123,\"Account\":{\"attributes\":{},\"Name\":\"x\"}}")
                        .json(), StandardCharsets.UTF_8));
    }

    @Test
    void aChangedValueChangesTheHash() throws Exception {
        assertFalse(Arrays.equals(canonical("{\"Id\":\"1\",\"Name\":\"a\"}").sha256(), canonical("{\"Id\":\"1\",\"Name\":\"b\"}").sha256()));
        assertFalse(Arrays.equals(canonical("{\"Id\":\"1\",\"Name\":\"a\"}").sha256(), canonical("{\"Id\":\"1\"}").sha256()));
    }

    @Test
    void dateTimesTakeTheSameSpellingAsJavaTimeGivesThem() {
        java.time.format.DateTimeFormatter anyOffset = new java.time.format.DateTimeFormatterBuilder()
                .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
                .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                .appendPattern("[XXX][XX][X]").toFormatter();
        java.time.format.DateTimeFormatter utcMillis = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(5);
        String[] fractions = {"", ".0", ".12", ".123", ".1234", ".123456789"};
        String[] offsets = {"Z", "+0000", "+00:00", "-0530", "+05:30", "+1400", "-1200", "+1800", "+0099"};
        for (int i = 0; i < 50_000; i++) {
            String text = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                    random.nextInt(3) == 0 ? random.nextInt(10_000) : 1990 + random.nextInt(60), 1 + random.nextInt(13),
                    1 + random.nextInt(31), random.nextInt(25), random.nextInt(61), random.nextInt(61),
                    fractions[random.nextInt(fractions.length)], offsets[random.nextInt(offsets.length)]);
            String expected;
            try {
                expected = utcMillis.format(java.time.OffsetDateTime.parse(text, anyOffset).toInstant());
            } catch (java.time.DateTimeException notADateTime) {
                expected = text;
            }
            assertEquals(expected, dev.sfbackup.common.time.UtcMillisText.normalize(text), text);
        }
        assertEquals("Acme 2026", dev.sfbackup.common.time.UtcMillisText.normalize("Acme 2026"));
        assertEquals("2026-01-02T03:04:05.000+0000 and more",
                dev.sfbackup.common.time.UtcMillisText.normalize("2026-01-02T03:04:05.000+0000 and more"));
    }
}
