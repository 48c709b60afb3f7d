package dev.sfbackup.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock every service reads the time from: the system clock in UTC. Code that decides by time (schedules, leases,
 * heartbeats, windows, retention) takes this bean instead of calling {@code Instant.now()}, so tests can move time
 * (backup-testing's MutableClock replaces it in every {@code @QuarkusTest}).
 */
@Singleton
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
