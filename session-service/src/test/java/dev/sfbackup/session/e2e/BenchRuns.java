package dev.sfbackup.session.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Runs and figures of the end-to-end benchmarks. */
final class BenchRuns {

    private BenchRuns() {
    }

    /**
     * Runs the policy to its end and returns the run's time as the engine recorded it (from the request that created
     * it to the end of its last session), so it is polled only once a second: on two cores the benchmark's own
     * polling would otherwise take CPU from the services it measures.
     */
    static double successfulRunSeconds(BackupSuite suite, UUID policy) {
        String runId = suite.startRun(policy, suite.engineA);
        JsonNode run = suite.run(runId, suite.engineB);
        for (Instant deadline = Instant.now().plus(Duration.ofHours(1)); isActive(run) && Instant.now().isBefore(deadline); ) {
            BackupSuite.sleep(1000);
            run = suite.run(runId, suite.engineB);
        }
        assertEquals("SUCCESS", run.path("status").asText(), run.toString());
        return Duration.between(Instant.parse(run.path("startedAt").asText()), Instant.parse(run.path("endedAt").asText()))
                .toNanos() / 1e9;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The figures with two decimals, separated by slashes. */
    static String joined(double[] seconds) {
        return Arrays.stream(seconds).mapToObj(t -> String.format(Locale.ROOT, "%.2f", t)).collect(Collectors.joining(" / "));
    }

    private static boolean isActive(JsonNode run) {
        String status = run.path("status").asText();
        return status.equals("PENDING") || status.equals("RUNNING");
    }
}
