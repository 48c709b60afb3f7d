package dev.sfbackup.session.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A running session as the watchdog sees it: when it last made progress (or started) and how long it may idle. */
public record SessionActivity(UUID sessionId, Instant lastActivity, Duration inactivityTimeout) {
}
