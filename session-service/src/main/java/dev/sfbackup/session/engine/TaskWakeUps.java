package dev.sfbackup.session.engine;

import dev.sfbackup.session.service.RunStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Tells every session-service instance on the database that a run's tasks became claimable (a PostgreSQL NOTIFY on
 * {@value #CHANNEL}, the run id as payload), so their {@link TaskWakeUpListener}s start them at once: without it only
 * the instance that planned the run would, and the others would wait for their next poll. A wake-up that cannot be
 * sent is only logged: the poll still finds the run's tasks.
 */
@ApplicationScoped
public class TaskWakeUps {

    static final String CHANNEL = "backup_tasks";

    private static final Logger LOG = Logger.getLogger(TaskWakeUps.class);

    private final DataSource dataSource;

    public TaskWakeUps(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** RunStarted is fired after the run's plan committed, so the statement below (autocommit) is delivered at once. */
    void onRunStarted(@Observes RunStarted started) {
        send(started.runId());
    }

    /** Wakes every listening instance (this one's too) for the run; never throws. */
    public void send(UUID runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, runId.toString());
            notify.execute();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("could not wake the other engine instances for run %s (%s); they start its tasks at their next poll",
                    runId, e.getMessage());
        }
    }
}
