package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.salesforce.SalesforceDateTime;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Compares a stored value with the org's current one by the field's type: stored records are normalised (numbers
 * typed, date-times in one format, empty values null) while the org answers in its own formats.
 */
final class FieldValues {

    private FieldValues() {
    }

    static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || (value.isTextual() && value.asText().isEmpty());
    }

    static boolean same(String type, JsonNode stored, JsonNode current) {
        if (isEmpty(stored) || isEmpty(current)) {
            return isEmpty(stored) && isEmpty(current);
        }
        try {
            return switch (type) {
                case "boolean" -> stored.asBoolean() == current.asBoolean() && stored.asText().equalsIgnoreCase(current.asText());
                case "int", "long", "double", "currency", "percent" ->
                        new BigDecimal(stored.asText()).compareTo(new BigDecimal(current.asText())) == 0;
                case "datetime" -> instant(stored.asText()).equals(instant(current.asText()));
                default -> stored.asText().equals(current.asText());
            };
        } catch (RuntimeException unparsable) {
            return stored.asText().equals(current.asText());
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException notIso) {
            return SalesforceDateTime.parse(text);
        }
    }
}
