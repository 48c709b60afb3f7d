package dev.sfbackup.emulator.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** Converts values written through the API (JSON scalars) into the field's internal type. */
public final class FieldValues {

    private static final DateTimeFormatter SALESFORCE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    private FieldValues() {
    }

    /** @throws IllegalArgumentException naming what the field accepts */
    public static Object fromJson(FieldDef field, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (field.type()) {
                case BOOLEAN -> value instanceof Boolean b ? b : Boolean.parseBoolean(text(field, value));
                case INT -> value instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(text(field, value));
                case DOUBLE, CURRENCY, PERCENT -> value instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(text(field, value));
                case DATE -> LocalDate.parse(text(field, value));
                case DATETIME -> parseDateTime(text(field, value));
                case BASE64 -> Base64.getMimeDecoder().decode(text(field, value));
                default -> {
                    String s = text(field, value);
                    if (field.length() > 0 && s.length() > field.length()) {
                        throw new IllegalArgumentException(field.name() + ": data value too large: max length=" + field.length());
                    }
                    yield s;
                }
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(field.name() + ": value not of required type: " + value);
        }
    }

    public static Instant parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text, SALESFORCE_DATETIME).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    private static String text(FieldDef field, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException(field.name() + ": value not of required type: " + value);
    }
}
