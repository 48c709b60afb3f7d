package dev.sfbackup.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Gives every {@code @QuarkusTest} of a service one {@link MutableClock} in place of the system clock (backup-common's
 * default bean): this module is on each service's test class path only, so packaged services never see it.
 */
@Singleton
public class TestClockProducer {

    @Produces
    @Singleton
    MutableClock clock() {
        return new MutableClock();
    }
}
