package dev.relmap.bootstrap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * An exclusive, server-side lock on one schema name, held for as long as a unit is open, so that
 * two relmap runs against the same server (two clones, or the tour beside the tests) take turns
 * with a schema instead of dropping it under each other's feet. It lives on a connection of its
 * own: PostgreSQL's session-level {@code pg_advisory_lock} and MariaDB's {@code GET_LOCK} are
 * released when that connection closes, also when the JVM dies. H2 in memory lives inside one
 * JVM, so no other run can reach it and nothing is locked.
 */
final class SchemaLock implements AutoCloseable {

    private static final SchemaLock NONE = new SchemaLock(null);
    private static final long POLL_MILLIS = 100;

    private final Connection connection;

    private SchemaLock(Connection connection) {
        this.connection = connection;
    }

    /** No lock: for a unit that recreates nothing. */
    static SchemaLock none() {
        return NONE;
    }

    /**
     * Waits up to {@code wait} for the lock on {@code schema}.
     *
     * @throws SchemaInUseException when another run still holds it after {@code wait}
     * @throws DatabaseUnavailableException when the server cannot be reached
     */
    static SchemaLock acquire(DatabaseSettings settings, String schema, Duration wait) {
        if (settings.database() == Database.H2) {
            return NONE;
        }
        Connection connection = Relmap.connect(settings);
        try {
            if (tryLock(connection, settings.database(), "relmap:" + schema, wait)) {
                return new SchemaLock(connection);
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseUnavailableException("Cannot lock schema " + schema + " on " + settings
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        closeQuietly(connection);
        throw new SchemaInUseException(schema, settings, wait);
    }

    private static boolean tryLock(Connection connection, Database database, String name, Duration wait)
            throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        String sql = switch (database) {
            case POSTGRESQL -> "select case when pg_try_advisory_lock(hashtext(?)) then 1 else 0 end";
            // GET_LOCK names are at most 64 characters; schema names are shorter than that.
            case MARIADB -> "select get_lock(?, 0)";
            case H2 -> throw new IllegalStateException("H2 is not locked");
        };
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            while (true) {
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next() && result.getInt(1) == 1) {
                        return true;
                    }
                }
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** Releases the lock by closing its connection. */
    @Override
    public void close() {
        if (connection != null) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing the session releases its locks on the server whatever the driver says.
        }
    }

}
