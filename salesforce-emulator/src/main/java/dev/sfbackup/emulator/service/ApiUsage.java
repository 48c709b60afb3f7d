package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Counts API requests against the org's daily limit (DailyApiRequests). */
@ApplicationScoped
public class ApiUsage {

    private final AtomicLong used = new AtomicLong();
    private volatile long limit;

    public ApiUsage(EmulatorConfig config) {
        this.limit = config.dailyApiLimit();
    }

    /** Counts one request; false (and not counted) when the daily limit is already used up. */
    public boolean tryCount() {
        while (true) {
            long current = used.get();
            if (current >= limit) {
                return false;
            }
            if (used.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public long used() {
        return used.get();
    }

    public long limit() {
        return limit;
    }

    public void set(long newUsed, long newLimit) {
        used.set(newUsed);
        limit = newLimit;
    }

    /** The Sforce-Limit-Info header value. */
    public String header() {
        return "api-usage=" + used.get() + "/" + limit;
    }
}
