package dev.sfbackup.session.service;

import dev.sfbackup.session.SessionLogLine;
import dev.sfbackup.session.repository.SessionLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes a session's log: what an administrator reads to learn what the engine decided and why. Each event has its
 * own transaction, so it is kept even when the work it describes is rolled back.
 */
@ApplicationScoped
public class SessionJournal {

    private static final Logger LOG = Logger.getLogger(SessionJournal.class);

    private final SessionLogRepository lines;
    private final Clock clock;

    public SessionJournal(SessionLogRepository lines, Clock clock) {
        this.lines = lines;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void info(UUID sessionId, UUID taskId, String message) {
        write(sessionId, taskId, "INFO", message);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void warn(UUID sessionId, UUID taskId, String message) {
        write(sessionId, taskId, "WARN", message);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void error(UUID sessionId, UUID taskId, String message) {
        write(sessionId, taskId, "ERROR", message);
    }

    private void write(UUID sessionId, UUID taskId, String level, String message) {
        SessionLogLine line = new SessionLogLine();
        line.sessionId = sessionId;
        line.taskId = taskId;
        line.at = clock.instant();
        line.level = level;
        line.message = message;
        lines.persist(line);
        LOG.debugf("session %s: %s %s", sessionId, level, message);
    }
}
