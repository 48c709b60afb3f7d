package dev.sfbackup.session.engine;

import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.repository.SessionActivity;
import dev.sfbackup.session.repository.SessionRepository;
import dev.sfbackup.session.service.StatusRefresher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Terminates sessions that made no progress of any kind (no record read, written or uploaded) for longer than their
 * run's inactivityTimeout: they end FAILED with the reason in their log, and their running tasks stop at their next
 * progress or stop check without committing.
 */
@ApplicationScoped
public class Watchdog {

    private final SessionRepository sessions;
    private final StatusRefresher status;
    private final BackupConfig config;
    private final Clock clock;

    public Watchdog(SessionRepository sessions, StatusRefresher status, BackupConfig config, Clock clock) {
        this.sessions = sessions;
        this.status = status;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${backup.engine.watchdog-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (config.engine().enabled()) {
            terminateIdleSessions();
        }
    }

    /** Fails every running session idle for longer than its timeout, as of the clock's now; answers how many. */
    public int terminateIdleSessions() {
        Instant now = clock.instant();
        int terminated = 0;
        for (SessionActivity session : runningSessions()) {
            Duration idle = Duration.between(session.lastActivity(), now);
            if (idle.compareTo(session.inactivityTimeout()) > 0) {
                String reason = "watchdog: no progress (no record read, written or uploaded) for " + idle.toSeconds()
                        + " s, longer than the policy's inactivityTimeout " + session.inactivityTimeout()
                        + " (last progress " + session.lastActivity() + ")";
                if (status.failSession(session.sessionId(), reason)) {
                    terminated++;
                }
            }
        }
        return terminated;
    }

    @Transactional
    List<SessionActivity> runningSessions() {
        return sessions.runningActivity();
    }
}
