package dev.sfbackup.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's private PostgreSQL cluster (deploy/local/postgres.sh), started on demand for tests. */
public final class PrivatePostgres {

    public static final String USER = "postgres";

    /** The line postgres.sh start ends with, naming the port the cluster really listens on. */
    private static final Pattern RUNNING_ON = Pattern.compile("(?m)^postgres: running on 127\\.0\\.0\\.1:(\\d+) ");

    private static Integer runningPort;

    private PrivatePostgres() {
    }

    /**
     * The port of the running cluster, starting it if needed. It is BACKUP_PG_PORT (default 25432) when the cluster
     * starts here, but a cluster that already runs keeps its own port, which postgres.sh reports (with a warning).
     */
    public static synchronized int port() {
        if (runningPort == null) {
            ensureRunning();
        }
        return runningPort;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Starts the cluster if it is not running; safe to call from several test JVMs at once. */
    public static synchronized void ensureRunning() {
        Path script = ProjectRoot.find().resolve("deploy/local/postgres.sh");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "start").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("cannot start the private PostgreSQL cluster:\n" + output);
            }
            Matcher running = RUNNING_ON.matcher(output);
            if (!running.find()) {
                throw new IllegalStateException(script + " start did not say which port the cluster runs on:\n" + output);
            }
            if (output.contains("postgres: warning:")) {
                System.err.print(output);
            }
            runningPort = Integer.parseInt(running.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    /** Stops the cluster (fast shutdown: sessions are cut), as an operator's restart of PostgreSQL does. */
    public static synchronized void stop() {
        Path script = ProjectRoot.find().resolve("deploy/local/postgres.sh");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "stop").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("cannot stop the private PostgreSQL cluster:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
        }
    }

    /** Drops and recreates a database, so every test run starts from an empty schema. */
    public static void recreateDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + database, e);
        }
    }
}
