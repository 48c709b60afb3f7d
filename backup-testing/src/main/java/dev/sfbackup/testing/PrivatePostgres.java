package dev.sfbackup.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/** The project's private PostgreSQL cluster (deploy/local/postgres.sh), started on demand for tests. */
public final class PrivatePostgres {

    public static final String USER = "postgres";

    private PrivatePostgres() {
    }

    public static int port() {
        String port = System.getenv("BACKUP_PG_PORT");
        return port == null || port.isBlank() ? 55432 : Integer.parseInt(port.trim());
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
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
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
