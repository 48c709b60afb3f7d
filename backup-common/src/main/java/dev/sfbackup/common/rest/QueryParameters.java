package dev.sfbackup.common.rest;

import dev.sfbackup.common.problem.ApiProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Query values read by hand, so a bad one is answered with a 400 naming the parameter and what is allowed (JAX-RS
 * answers a bare 404 for a query parameter it cannot convert, and reads "maybe" as false).
 */
public final class QueryParameters {

    /** PostgreSQL's timestamps and ISO-8601 without a sign: years 0001 to 9999. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private QueryParameters() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name, "expected a UUID, got '" + value + "'");
        }
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name, "expected an ISO-8601 instant such as 2026-01-01T00:00:00Z, got '" + value + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiProblem.badRequest(name, "must be between " + EARLIEST + " and 9999-12-31T23:59:59Z");
        }
        return instant;
    }

    /** A whole number between min and max; {@code fallback} when absent. */
    public static long number(String name, String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name, "expected a whole number between " + min + " and " + max + ", got '" + value + "'");
        }
        if (number < min || number > max) {
            throw ApiProblem.badRequest(name, "must be between " + min + " and " + max);
        }
        return number;
    }

    /** true, false, or null when absent: anything else is refused rather than read as false. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiProblem.badRequest(name, "expected true or false, got '" + value + "'");
        };
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name, "expected one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
        }
    }
}
