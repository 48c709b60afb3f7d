package dev.sfbackup.emulator.rest;

import java.util.List;

/** The API versions the emulated org serves. */
public final class ApiVersions {

    public static final List<String> SUPPORTED = List.of("58.0", "59.0", "60.0", "61.0", "62.0");
    private static final List<String> LABELS = List.of("Summer '23", "Winter '24", "Spring '24", "Summer '24", "Winter '25");

    private ApiVersions() {
    }

    static String label(String version) {
        return LABELS.get(SUPPORTED.indexOf(version));
    }

    /** "v62.0" to "62.0"; null when the segment is not a supported version. */
    static String parse(String segment) {
        if (segment == null || !segment.startsWith("v")) {
            return null;
        }
        String version = segment.substring(1);
        return SUPPORTED.contains(version) ? version : null;
    }
}
