package dev.sfbackup.emulator.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds the faults the admin API injected and fires them on the requests they match. A hold fault keeps matching
 * requests waiting until it is removed, so a test can stop a client mid-read for as long as it needs and let it go on.
 */
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

    /** The kinds of call a fault can be narrowed to, by their name in the admin API. */
    public enum Call {
        /** Any data call, for object-less faults (checked before the resource). */
        ANY("any"),
        DESCRIBE("describe"),
        /** The first page of a REST query or queryAll. */
        QUERY("query"),
        /** A further page of a REST query (nextRecordsUrl). */
        QUERY_MORE("queryMore"),
        BULK_JOB("bulkJob"),
        BULK_RESULTS("bulkResults"),
        COLLECTIONS("collections");

        private final String apiName;

        Call(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        public static Optional<Call> ofApiName(String name) {
            for (Call call : values()) {
                if (call != ANY && call.apiName.equals(name)) {
                    return Optional.of(call);
                }
            }
            return Optional.empty();
        }
    }

    private final List<Fault> faults = new ArrayList<>();
    private long lastId;

    public static int defaultStatus(String errorCode) {
        return DEFAULT_STATUS.getOrDefault(errorCode, 400);
    }

    public static String defaultMessage(String errorCode) {
        return DEFAULT_MESSAGE.getOrDefault(errorCode, errorCode);
    }

    /** Adds the fault under a fresh id; answers it with that id. */
    public synchronized Fault add(Fault fault) {
        Fault added = fault.withId(++lastId);
        faults.add(added);
        return added;
    }

    /** Removes every fault; requests held by a hold fault go on. */
    public synchronized void clear() {
        faults.clear();
        notifyAll();
    }

    /** Removes one fault (its held requests go on); false when there is no such fault. */
    public synchronized boolean remove(long id) {
        boolean removed = faults.removeIf(fault -> fault.id() == id);
        notifyAll();
        return removed;
    }

    public synchronized List<Fault> list() {
        return List.copyOf(faults);
    }

    /**
     * Holds, delays and fires the first matching error fault of a call on the object (null: object-less faults only,
     * checked for every data call).
     */
    public void check(String objectName, Call call) {
        check(objectName, call, Size.NONE);
    }

    /** Like {@link #check(String, Call)} for a request of that size (a Bulk API 2.0 results download). */
    public void check(String objectName, Call call, Size size) {
        fire(objectName, call, size).ifPresent(f -> {
            throw new SalesforceApiException(f.status(), f.errorCode(), f.message());
        });
    }

    /** Like {@link #check} but hands the error fault back instead of throwing it (for Bulk jobs that fail as a job state). */
    public Optional<Fault> fire(String objectName, Call call, Size size) {
        awaitRelease(objectName, call, size);
        long latency = 0;
        Fault error = null;
        synchronized (this) {
            for (int i = 0; i < faults.size(); i++) {
                Fault f = faults.get(i);
                if (f.hold() || !matches(f, objectName, call, size)) {
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
            faults.removeIf(f -> f.remaining() == 0 && !f.hold()); // a used-up hold fault still holds what it caught
        }
        sleep(latency);
        return Optional.ofNullable(error);
    }

    private static boolean matches(Fault fault, String objectName, Call call, Size size) {
        boolean object = objectName == null ? fault.object() == null : fault.object() != null && fault.appliesTo(objectName);
        return object && fault.remaining() != 0 && fault.appliesTo(call) && fault.appliesToSize(size);
    }

    /** Waits while a hold fault matches the request: until that fault is removed (or the waiting thread interrupted). */
    private synchronized void awaitRelease(String objectName, Call call, Size size) {
        Fault hold = faults.stream().filter(f -> f.hold() && matches(f, objectName, call, size)).findFirst().orElse(null);
        if (hold == null) {
            return;
        }
        long id = hold.id();
        replace(id, hold.hit().withHeld(hold.held() + 1));
        try {
            while (faults.stream().anyMatch(f -> f.id() == id)) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replace(id, find(id).withHeld(find(id).held() - 1));
        }
    }

    private Fault find(long id) {
        return faults.stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    private void replace(long id, Fault updated) {
        faults.replaceAll(f -> f.id() == id ? updated : f);
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
