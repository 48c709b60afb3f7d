package dev.sfbackup.common.problem;

import java.sql.SQLException;

/** Whether a failure means the database cannot be reached now (PostgreSQL down or restarting), not a bug. */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /**
     * SQLSTATE class 08 (connection exception) or 57P01..57P03 (the server shuts down, crashed, or cannot take
     * connections yet), anywhere in the cause chain.
     */
    static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
