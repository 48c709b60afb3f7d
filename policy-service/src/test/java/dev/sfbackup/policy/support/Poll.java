package dev.sfbackup.policy.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the scheduler does in the background. */
public final class Poll {

    private Poll() {
    }

    public static boolean until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
