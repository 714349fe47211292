package dev.relmap.sqlcount;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A counted statement: it sees every execution, every batch and every bound value, and reports them
 * to the {@link SqlCount} recordings that want them. Its result sets are counted wrappers, so
 * {@code resultSet.getStatement()} gives this statement back, and {@code getConnection()} gives the
 * counted connection.
 *
 * <p>When no recording is active it only delegates: bound values are not kept (a value bound then
 * shows as {@code (not captured)} if a recording starts before the statement runs), nothing is
 * timed, and no SQL is analysed. Whether a recording is active is asked at each execution, never
 * when the statement is created, so a statement prepared before a recording started and executed
 * during it is counted.
 */
class CountingStatement implements Statement {

    private static final List<Object> UNCAPTURED_ROW = List.of(Parameters.NOT_CAPTURED);

    private final Statement target;
    private final String preparedSql;
    private final CountingConnection connection;
    /** Values bound, at index - 1; {@link Parameters#NOT_CAPTURED} where bound while nothing recorded. */
    private Object[] values;
    private int bound;
    private int leadingUncapturedRows;
    /** The rows and SQL added to the batch while recording; created by the first one. */
    private List<List<Object>> batchedRows;
    private List<String> batchedSql;

    CountingStatement(Statement target, String preparedSql, CountingConnection connection) {
        this.target = target;
        this.preparedSql = preparedSql;
        this.connection = connection;
    }

    /** One call into the driver, made through {@link #counted} while a recording is active. */
    @FunctionalInterface
    interface DriverCall<T> {
        T run() throws SQLException;
    }

    /** A counted wrapper around a result set of this statement, or null for none. */
    final ResultSet rows(ResultSet rows) {
        return rows == null ? null : new CountingResultSet(rows, this, connection);
    }

    /** Runs SQL handed to an execute method, reporting it to the recordings when one is active. */
    final <T> T direct(String sql, DriverCall<T> call) throws SQLException {
        List<SqlCount.Execution> executions = sql == null ? List.of() : List.of(new SqlCount.Execution(sql, List.of()));
        return counted(executions, false, call);
    }

    /** Runs the prepared SQL with the values bound, reporting it to the recordings when one is active. */
    final <T> T prepared(DriverCall<T> call) throws SQLException {
        List<SqlCount.Execution> executions = preparedSql == null ? List.of()
                : List.of(new SqlCount.Execution(preparedSql, Parameters.snapshot(values(), bound)));
        return counted(executions, false, call);
    }

    private <T> T counted(List<SqlCount.Execution> executions, boolean batched, DriverCall<T> call)
            throws SQLException {
        long start = System.nanoTime();
        T result;
        try {
            result = call.run();
        } catch (Throwable failure) {
            report(executions, batched, start, failure);
            throw failure;
        }
        report(executions, batched, start, null);
        return result;
    }

    /** Reports an execution; the kit's own trouble never hides the driver's exception. */
    private void report(List<SqlCount.Execution> executions, boolean batched, long start, Throwable failure) {
        if (executions.isEmpty()) {
            return;
        }
        try {
            SqlCount.dispatch(connection.source(), executions, batched, System.nanoTime() - start);
        } catch (RuntimeException | Error e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /** Keeps a value bound at {@code index} (1-based) while recording, marks it not captured otherwise. */
    final void bind(int index, Object value) {
        if (index < 1) {
            return;
        }
        boolean recording = SqlCount.isRecording();
        if (values == null) {
            if (!recording) {
                bound = Math.max(bound, index);
                return;
            }
            values = new Object[Math.max(8, index)];
            Arrays.fill(values, Parameters.NOT_CAPTURED);
        } else if (index > values.length) {
            int size = values.length;
            values = Arrays.copyOf(values, Math.max(index, size * 2));
            Arrays.fill(values, size, values.length, Parameters.NOT_CAPTURED);
        }
        values[index - 1] = recording ? value : Parameters.NOT_CAPTURED;
        bound = Math.max(bound, index);
    }

    final void clearBound() {
        values = null;
        bound = 0;
    }

    /** Notes a row added to the batch: its values while recording, a row not captured otherwise. */
    final void addBatchedRow() {
        if (SqlCount.isRecording()) {
            batchedRows().add(Parameters.snapshot(values(), bound));
        } else if (batchedRows == null || batchedRows.isEmpty()) {
            leadingUncapturedRows++;
        } else {
            batchedRows.add(UNCAPTURED_ROW);
        }
    }

    private List<List<Object>> batchedRows() {
        if (batchedRows == null) {
            batchedRows = new ArrayList<>();
        }
        return batchedRows;
    }

    private Object[] values() {
        if (values == null || values.length < bound) {
            Object[] all = new Object[bound];
            Arrays.fill(all, Parameters.NOT_CAPTURED);
            if (values != null) {
                System.arraycopy(values, 0, all, 0, values.length);
            }
            return all;
        }
        return values;
    }

    /** Runs the batch, reporting each row and SQL in it as one round trip; call it only while recording. */
    private <T> T batch(DriverCall<T> call) throws SQLException {
        List<SqlCount.Execution> executions = new ArrayList<>();
        for (int i = 0; i < leadingUncapturedRows; i++) {
            executions.add(new SqlCount.Execution(preparedSql, UNCAPTURED_ROW));
        }
        if (batchedRows != null) {
            for (List<Object> row : batchedRows) {
                executions.add(new SqlCount.Execution(preparedSql, row));
            }
        }
        if (batchedSql != null) {
            for (String sql : batchedSql) {
                executions.add(new SqlCount.Execution(sql, List.of()));
            }
        }
        forgetBatch();
        return counted(executions, true, call);
    }

    private void forgetBatch() {
        leadingUncapturedRows = 0;
        if (batchedRows != null) {
            batchedRows.clear();
        }
        if (batchedSql != null) {
            batchedSql.clear();
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return rows(SqlCount.isRecording() ? direct(sql, () -> target.executeQuery(sql)) : target.executeQuery(sql));
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return SqlCount.isRecording() ? direct(sql, () -> target.execute(sql)) : target.execute(sql);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return SqlCount.isRecording()
                ? direct(sql, () -> target.execute(sql, autoGeneratedKeys))
                : target.execute(sql, autoGeneratedKeys);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return SqlCount.isRecording()
                ? direct(sql, () -> target.execute(sql, columnIndexes))
                : target.execute(sql, columnIndexes);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return SqlCount.isRecording()
                ? direct(sql, () -> target.execute(sql, columnNames))
                : target.execute(sql, columnNames);
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return SqlCount.isRecording() ? direct(sql, () -> target.executeUpdate(sql)) : target.executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return SqlCount.isRecording()
                ? direct(sql, () -> target.executeUpdate(sql, autoGeneratedKeys))
                : target.executeUpdate(sql, autoGeneratedKeys);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return SqlCount.isRecording()
                ? direct(sql, () -> target.executeUpdate(sql, columnIndexes))
                : target.executeUpdate(sql, columnIndexes);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return SqlCount.isRecording()
                ? direct(sql, () -> target.executeUpdate(sql, columnNames))
                : target.executeUpdate(sql, columnNames);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return SqlCount.isRecording()
                ? direct(sql, () -> target.executeLargeUpdate(sql))
                : target.executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return SqlCount.isRecording()
                ? direct(sql, () -> target.executeLargeUpdate(sql, autoGeneratedKeys))
                : target.executeLargeUpdate(sql, autoGeneratedKeys);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return SqlCount.isRecording()
                ? direct(sql, () -> target.executeLargeUpdate(sql, columnIndexes))
                : target.executeLargeUpdate(sql, columnIndexes);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return SqlCount.isRecording()
                ? direct(sql, () -> target.executeLargeUpdate(sql, columnNames))
                : target.executeLargeUpdate(sql, columnNames);
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        target.addBatch(sql);
        if (batchedSql == null) {
            batchedSql = new ArrayList<>();
        }
        batchedSql.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        forgetBatch();
        target.clearBatch();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        if (!SqlCount.isRecording()) {
            forgetBatch();
            return target.executeBatch();
        }
        return batch(target::executeBatch);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        if (!SqlCount.isRecording()) {
            forgetBatch();
            return target.executeLargeBatch();
        }
        return batch(target::executeLargeBatch);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return rows(target.getResultSet());
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return rows(target.getGeneratedKeys());
    }

    @Override
    public Connection getConnection() {
        return connection;
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

    // Generated: delegates every other method of Statement, default methods included.

    @Override
    public void cancel() throws SQLException {
        target.cancel();
    }

    @Override
    public void clearWarnings() throws SQLException {
        target.clearWarnings();
    }

    @Override
    public void close() throws SQLException {
        target.close();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        target.closeOnCompletion();
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return target.enquoteIdentifier(identifier, alwaysQuote);
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        return target.enquoteLiteral(val);
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        return target.enquoteNCharLiteral(val);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return target.getFetchDirection();
    }

    @Override
    public int getFetchSize() throws SQLException {
        return target.getFetchSize();
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return target.getLargeMaxRows();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return target.getLargeUpdateCount();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return target.getMaxFieldSize();
    }

    @Override
    public int getMaxRows() throws SQLException {
        return target.getMaxRows();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return target.getMoreResults();
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return target.getMoreResults(current);
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return target.getQueryTimeout();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return target.getResultSetConcurrency();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return target.getResultSetHoldability();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return target.getResultSetType();
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return target.getUpdateCount();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return target.getWarnings();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return target.isCloseOnCompletion();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return target.isClosed();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return target.isPoolable();
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        return target.isSimpleIdentifier(identifier);
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        target.setCursorName(name);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        target.setEscapeProcessing(enable);
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        target.setFetchDirection(direction);
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        target.setFetchSize(rows);
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        target.setLargeMaxRows(max);
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        target.setMaxFieldSize(max);
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        target.setMaxRows(max);
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        target.setPoolable(poolable);
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        target.setQueryTimeout(seconds);
    }
}
