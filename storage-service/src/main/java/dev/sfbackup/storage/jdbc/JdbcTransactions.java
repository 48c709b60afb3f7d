package dev.sfbackup.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Work on one pooled connection in one transaction: committed when it returns, rolled back when it throws. */
public final class JdbcTransactions {

    /** What runs in the transaction; {@code E}: the checked exception it may throw besides SQLException. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Connection connection) throws SQLException, E;
    }

    private JdbcTransactions() {
    }

    public static <T, E extends Exception> T inTransaction(DataSource dataSource, Work<T, E> work) throws SQLException, E {
        return inTransaction(dataSource, null, work);
    }

    /** {@code firstStatement}: run before the work (e.g. {@code SET TRANSACTION ISOLATION LEVEL …}), or null. */
    public static <T, E extends Exception> T inTransaction(DataSource dataSource, String firstStatement, Work<T, E> work)
            throws SQLException, E {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (firstStatement != null) {
                    try (Statement s = c.createStatement()) {
                        s.execute(firstStatement);
                    }
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
