package dev.sfbackup.policy.service;

import java.time.Duration;
import java.util.List;

/** What a policy gets for every member its request leaves out. */
final class PolicyDefaults {

    static final String ALL_OBJECTS = "all";
    static final List<String> OBJECTS = List.of(ALL_OBJECTS);
    static final boolean AUTO_ADD = true;
    static final boolean INCLUDE_FILES = true;
    static final boolean INCLUDE_METADATA = true;
    static final String TIME_ZONE = "UTC";
    static final int RETENTION_DAYS = 30;
    static final long LARGE_OBJECT_THRESHOLD = 20_000_000L;
    static final Duration INACTIVITY_TIMEOUT = Duration.ofHours(24);
    static final int PARALLELISM = 4;
    static final int API_BUDGET_PERCENT = 50;

    private PolicyDefaults() {
    }

    static boolean orDefault(Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }
}
