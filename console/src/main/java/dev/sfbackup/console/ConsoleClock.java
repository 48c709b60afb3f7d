package dev.sfbackup.console;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The time the console shows and signs tokens with; tests replace it with backup-testing's MutableClock. */
@Singleton
public class ConsoleClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
