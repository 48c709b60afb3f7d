package dev.sfbackup.session.engine;

import dev.sfbackup.session.config.BackupConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens for the wake-ups {@link TaskWakeUps} sends and lets the dispatcher claim at once, so a run planned on another
 * instance starts here without waiting for this instance's next poll. It holds one connection of its own, opened with
 * the driver from the datasource's URL and credentials rather than borrowed from the pool: it lives as long as the
 * instance, where a pooled one would take a pool slot for good and be validated only when borrowed. When the
 * connection fails (a database restart) it warns once and reconnects with a backoff; meanwhile the poll finds the
 * tasks, as it does for a wake-up sent while nobody listened.
 */
@ApplicationScoped
public class TaskWakeUpListener {

    /** Shown in pg_stat_activity, so an operator can tell this connection from the pool's. */
    static final String APPLICATION_NAME = "session-service task wake-ups";

    private static final Logger LOG = Logger.getLogger(TaskWakeUpListener.class);
    /** A connection dropped without a word fails no read: after this long without a wake-up it is checked. */
    private static final int CHECK_AFTER_IDLE_MILLIS = 30_000;
    private static final int CHECK_TIMEOUT_SECONDS = 5;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final TaskDispatcher dispatcher;
    private final BackupConfig config;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile boolean stopping;
    private volatile Thread listener;

    public TaskWakeUpListener(TaskDispatcher dispatcher, BackupConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.dispatcher = dispatcher;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.engine().enabled() && config.engine().wakeUpListener()) {
            listener = Thread.ofVirtual().name("task-wake-up-listener").start(this::listenUntilStopped);
        }
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
        Thread running = listener;
        if (running == null) {
            return;
        }
        running.interrupt(); // a virtual thread interrupted in a socket read closes the socket and returns at once
        try {
            if (!running.join(STOP_TIMEOUT)) {
                LOG.warnf("the task wake-up listener did not stop within %s", STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listenUntilStopped() {
        Backoff reconnect = new Backoff(FIRST_RETRY, LONGEST_RETRY);
        boolean lost = false;
        while (!stopping) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + TaskWakeUps.CHANNEL);
                }
                if (lost) {
                    LOG.info("listening for task wake-ups again");
                }
                lost = false;
                reconnect = new Backoff(FIRST_RETRY, LONGEST_RETRY);
                awaitWakeUps(connection);
            } catch (SQLException | RuntimeException e) {
                if (stopping) {
                    return;
                }
                reportLost(e, lost);
                lost = true;
                if (!reconnect.pause()) {
                    return;
                }
            } catch (Error e) {
                LOG.error("the task wake-up listener stopped; this instance starts other instances' runs at its next poll", e);
                throw e;
            }
        }
    }

    /** Warns once per lost connection, however many attempts it takes to listen again. */
    private static void reportLost(Exception cause, boolean alreadyLost) {
        if (alreadyLost) {
            LOG.debugf("still not listening for task wake-ups: %s", cause.getMessage());
        } else {
            LOG.warnf("not listening for task wake-ups (%s): until it listens again (retrying, every %d s at most) this"
                    + " instance starts other instances' runs at its next poll", cause.getMessage(), LONGEST_RETRY.toSeconds());
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(name -> properties.setProperty("user", name));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return DriverManager.getConnection(url, properties);
    }

    /** Returns only by throwing (the connection failed, or the interrupt of a stop closed it) or when stopping. */
    private void awaitWakeUps(Connection connection) throws SQLException {
        PGConnection listening = connection.unwrap(PGConnection.class);
        while (!stopping) {
            PGNotification[] wakeUps = listening.getNotifications(CHECK_AFTER_IDLE_MILLIS);
            if (wakeUps != null && wakeUps.length > 0) {
                wakeDispatcher();
            } else if (!connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                throw new SQLException("the connection stopped answering");
            }
        }
    }

    private void wakeDispatcher() {
        try {
            dispatcher.wakeUp();
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warn("a task wake-up could not reach the dispatcher; its next poll claims instead", e);
            }
        }
    }
}
