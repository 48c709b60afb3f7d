package dev.sfbackup.emulator.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Holds the faults the admin API injected and fires them on the requests they match. */
@ApplicationScoped
public class FaultInjector {

    private static final Map<String, Integer> DEFAULT_STATUS = Map.of(
            "REQUEST_LIMIT_EXCEEDED", 403,
            "INVALID_SESSION_ID", 401,
            "SERVER_UNAVAILABLE", 503,
            "QUERY_TIMEOUT", 400,
            "UNKNOWN_EXCEPTION", 500);
    private static final Map<String, String> DEFAULT_MESSAGE = Map.of(
            "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.",
            "INVALID_SESSION_ID", "Session expired or invalid",
            "SERVER_UNAVAILABLE", "Server temporarily unavailable, please retry later.",
            "QUERY_TIMEOUT", "Your query request was running for too long.",
            "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-123456789)");

    /**
     * How large a request is, for faults limited to large ones.
     *
     * @param resultSet  the records per set a Bulk API 2.0 results download asks for, else null
     * @param jobRecords the records a Bulk API 2.0 query job's query matches, else null
     */
    public record Size(Integer resultSet, Integer jobRecords) {
        public static final Size NONE = new Size(null, null);
    }

    private final List<Fault> faults = new ArrayList<>();

    public static int defaultStatus(String errorCode) {
        return DEFAULT_STATUS.getOrDefault(errorCode, 400);
    }

    public static String defaultMessage(String errorCode) {
        return DEFAULT_MESSAGE.getOrDefault(errorCode, errorCode);
    }

    public synchronized void add(Fault fault) {
        faults.add(fault);
    }

    public synchronized void clear() {
        faults.clear();
    }

    public synchronized List<Fault> list() {
        return List.copyOf(faults);
    }

    /** Applies latency and fires the first matching error fault of a request on the object (null: object-less faults only). */
    public void check(String objectName) {
        check(objectName, Size.NONE);
    }

    /** Like {@link #check(String)} for a request of that size (a Bulk API 2.0 results download). */
    public void check(String objectName, Size size) {
        fire(objectName, size).ifPresent(f -> {
            throw new SalesforceApiException(f.status(), f.errorCode(), f.message());
        });
    }

    /** Like {@link #check} but hands the error fault back instead of throwing it (for Bulk jobs that fail as a job state). */
    public Optional<Fault> fire(String objectName, Size size) {
        long latency = 0;
        Fault error = null;
        synchronized (this) {
            for (int i = 0; i < faults.size(); i++) {
                Fault f = faults.get(i);
                boolean matches = objectName == null ? f.object() == null : f.object() != null && f.appliesTo(objectName);
                if (!matches || f.remaining() == 0 || !f.appliesToSize(size)) {
                    continue;
                }
                if (f.latencyMs() > 0) {
                    latency += f.latencyMs();
                }
                if (f.errorCode() != null && error == null) {
                    error = f;
                    faults.set(i, f.hit());
                } else if (f.errorCode() == null) {
                    faults.set(i, f.hit());
                }
            }
            faults.removeIf(f -> f.remaining() == 0);
        }
        sleep(latency);
        return Optional.ofNullable(error);
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
