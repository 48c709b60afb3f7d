package dev.sfbackup.storage.export.rest;

import dev.sfbackup.common.problem.ApiProblem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Query values of the download endpoints and the file names a download is saved under. */
final class Downloads {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Downloads() {
    }

    static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }

    static String stamp(Instant at) {
        return COMPACT.format(at);
    }

    static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.badRequest(name, "one of true, false; got '" + value + "'");
        };
    }

    /** The value when it is one of the allowed ones (case-insensitive), the first allowed when absent. */
    static String oneOf(String name, String value, String... allowed) {
        if (value == null || value.isBlank()) {
            return allowed[0];
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw ApiProblem.badRequest(name, "one of " + String.join(", ", allowed) + "; got '" + value + "'");
    }
}
