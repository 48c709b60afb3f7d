package dev.sfbackup.session.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Compares a stored field value with the org's: null and empty alike, numbers by value, date-times by instant. */
final class OrgValues {

    private OrgValues() {
    }

    static boolean same(JsonNode stored, JsonNode org) {
        boolean storedNull = stored == null || stored.isNull() || stored.asText().isEmpty();
        boolean orgNull = org == null || org.isNull() || org.asText().isEmpty();
        if (storedNull || orgNull) {
            return storedNull == orgNull;
        }
        String a = stored.asText();
        String b = org.asText();
        if (a.equals(b)) {
            return true;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException notNumbers) {
            // compare as instants below
        }
        try {
            return instant(a).equals(instant(b));
        } catch (RuntimeException notInstants) {
            return false;
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException other) {
            return OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX")).toInstant();
        }
    }
}
