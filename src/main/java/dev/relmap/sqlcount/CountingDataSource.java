package dev.relmap.sqlcount;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that hands out counted connections: every statement run through them is
 * reported to the active {@link Recording}s. Create it with {@link SqlCount#wrap(DataSource)}.
 * Without an active recording its connections only delegate (see {@link CountingStatement}).
 */
final class CountingDataSource implements DataSource {

    private final DataSource target;

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** The wrapped DataSource (your pool). */
    DataSource target() {
        return target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return new CountingConnection(target.getConnection(), this);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return new CountingConnection(target.getConnection(username, password), this);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "counted " + target;
    }
}
