package dev.relmap.sqlcount;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JDK dynamic proxies around {@link Connection}, its statements, their result sets and the
 * connection's metadata, so that every way back to a statement or connection
 * ({@code resultSet.getStatement()}, {@code statement.getConnection()},
 * {@code connection.getMetaData().getConnection()}) stays counted. They see every execution, every
 * batch and every bound value, and report them to the {@link SqlCount} recordings that want them.
 *
 * <p>When no recording is active they only delegate: bound values are not kept (a value bound then
 * shows as {@code (not captured)} if a recording starts before the statement runs), nothing is
 * timed, and no SQL is analysed.
 */
final class JdbcProxies {

    private static final List<Object> UNCAPTURED_ROW = List.of(Parameters.NOT_CAPTURED);

    /*
     * Each proxy's constructor, looked up once: Proxy.newProxyInstance finds the proxy class in a
     * per-class-loader cache and calls its constructor reflectively on every call, 80-300 ns
     * against 30-50 ns for the cached constructor on this JDK, twice per statement (the statement
     * and its result set).
     */
    private static final MethodHandle CONNECTION = proxyConstructor(Connection.class);
    private static final MethodHandle STATEMENT = proxyConstructor(Statement.class);
    private static final MethodHandle PREPARED_STATEMENT = proxyConstructor(PreparedStatement.class);
    private static final MethodHandle CALLABLE_STATEMENT = proxyConstructor(CallableStatement.class);
    private static final MethodHandle RESULT_SET = proxyConstructor(ResultSet.class);
    private static final MethodHandle META_DATA = proxyConstructor(DatabaseMetaData.class);

    private JdbcProxies() {
    }

    private static MethodHandle proxyConstructor(Class<?> type) {
        Class<?> proxyClass = Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> null).getClass();
        try {
            return MethodHandles.publicLookup()
                    .findConstructor(proxyClass, MethodType.methodType(void.class, InvocationHandler.class))
                    .asType(MethodType.methodType(Object.class, InvocationHandler.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach the constructor of the JDK proxy for " + type, e);
        }
    }

    private static Object newProxy(MethodHandle constructor, InvocationHandler handler) {
        try {
            return constructor.invokeExact(handler);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connection(Connection target, CountingDataSource source) {
        return (Connection) newProxy(CONNECTION, new ConnectionHandler(target, source));
    }

    private static Statement statement(Statement target, String sql, Connection connection, CountingDataSource source) {
        MethodHandle type = target instanceof CallableStatement
                ? CALLABLE_STATEMENT
                : target instanceof PreparedStatement ? PREPARED_STATEMENT : STATEMENT;
        return (Statement) newProxy(type, new StatementHandler(target, sql, connection, source));
    }

    private static ResultSet resultSet(ResultSet target, Statement statement, Connection connection,
            CountingDataSource source) {
        return (ResultSet) newProxy(RESULT_SET, new ResultSetHandler(target, statement, connection, source));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean isObjectOrWrapperMethod(Method method) {
        return switch (method.getName()) {
            case "equals", "hashCode", "toString", "unwrap", "isWrapperFor" -> true;
            default -> false;
        };
    }

    /** Identity for equals/hashCode, and unwrap/isWrapperFor that know about the proxy itself. */
    private static Object objectOrWrapperMethod(Object proxy, Object target, Method method, Object[] args)
            throws Throwable {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "counted " + target;
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(proxy) || (Boolean) invoke(target, method, args);
            default:
                return ((Class<?>) args[0]).isInstance(proxy) ? proxy : invoke(target, method, args);
        }
    }

    private record ConnectionHandler(Connection target, CountingDataSource source) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (isObjectOrWrapperMethod(method)) {
                return objectOrWrapperMethod(proxy, target, method, args);
            }
            Object result = JdbcProxies.invoke(target, method, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                return statement(statement, sql, (Connection) proxy, source);
            }
            if (result instanceof DatabaseMetaData metaData) {
                return newProxy(META_DATA, new MetaDataHandler(metaData, (Connection) proxy, source));
            }
            return result;
        }
    }

    private record MetaDataHandler(DatabaseMetaData target, Connection connection, CountingDataSource source)
            implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (isObjectOrWrapperMethod(method)) {
                return objectOrWrapperMethod(proxy, target, method, args);
            }
            if (method.getName().equals("getConnection")) {
                return connection;
            }
            Object result = JdbcProxies.invoke(target, method, args);
            return result instanceof ResultSet rows ? resultSet(rows, null, connection, source) : result;
        }
    }

    private record ResultSetHandler(ResultSet target, Statement statement, Connection connection,
            CountingDataSource source) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (isObjectOrWrapperMethod(method)) {
                return objectOrWrapperMethod(proxy, target, method, args);
            }
            if (method.getName().equals("getStatement")) {
                if (statement != null) {
                    return statement;
                }
                Statement raw = target.getStatement();
                return raw == null ? null : JdbcProxies.statement(raw, null, connection, source);
            }
            return JdbcProxies.invoke(target, method, args);
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final Statement target;
        private final String preparedSql;
        private final Connection connectionProxy;
        private final CountingDataSource source;
        /** Values bound, at index - 1; {@link Parameters#NOT_CAPTURED} where bound while nothing recorded. */
        private Object[] values;
        private int bound;
        private int leadingUncapturedRows;
        private final List<List<Object>> batchedRows = new ArrayList<>();
        private final List<String> batchedSql = new ArrayList<>();

        StatementHandler(Statement target, String preparedSql, Connection connectionProxy, CountingDataSource source) {
            this.target = target;
            this.preparedSql = preparedSql;
            this.connectionProxy = connectionProxy;
            this.source = source;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (isObjectOrWrapperMethod(method)) {
                return objectOrWrapperMethod(proxy, target, method, args);
            }
            if (name.equals("getConnection")) {
                return connectionProxy;
            }
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index
                    && method.getDeclaringClass() != Statement.class) {
                Object result = JdbcProxies.invoke(target, method, args);
                bind(index, name.equals("setNull") ? null : args[1]);
                return result;
            }
            switch (name) {
                case "clearParameters":
                    values = null;
                    bound = 0;
                    return JdbcProxies.invoke(target, method, args);
                case "addBatch":
                    Object added = JdbcProxies.invoke(target, method, args);
                    if (args != null && args.length > 0) {
                        batchedSql.add((String) args[0]);
                    } else if (SqlCount.isRecording()) {
                        batchedRows.add(Parameters.snapshot(values(), bound));
                    } else if (batchedRows.isEmpty()) {
                        leadingUncapturedRows++;
                    } else {
                        batchedRows.add(UNCAPTURED_ROW);
                    }
                    return added;
                case "clearBatch":
                    clearBatch();
                    return JdbcProxies.invoke(target, method, args);
                case "executeBatch":
                case "executeLargeBatch":
                    return executeBatch(method, args);
                case "execute":
                case "executeQuery":
                case "executeUpdate":
                case "executeLargeUpdate":
                    return execute(proxy, method, args);
                case "getResultSet":
                case "getGeneratedKeys":
                    return wrap(proxy, JdbcProxies.invoke(target, method, args));
                default:
                    return JdbcProxies.invoke(target, method, args);
            }
        }

        private void bind(int index, Object value) {
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

        private Object wrap(Object proxy, Object result) {
            return result instanceof ResultSet rows ? resultSet(rows, (Statement) proxy, connectionProxy, source) : result;
        }

        private Object execute(Object proxy, Method method, Object[] args) throws Throwable {
            if (!SqlCount.isRecording()) {
                return wrap(proxy, JdbcProxies.invoke(target, method, args));
            }
            boolean direct = args != null && args.length > 0;
            String sql = direct ? (args[0] instanceof String s ? s : null) : preparedSql;
            List<SqlCount.Execution> executions = sql == null ? List.of()
                    : List.of(new SqlCount.Execution(sql, direct ? List.of() : Parameters.snapshot(values(), bound)));
            long start = System.nanoTime();
            Object result;
            try {
                result = JdbcProxies.invoke(target, method, args);
            } catch (Throwable failure) {
                report(executions, false, start, failure);
                throw failure;
            }
            report(executions, false, start, null);
            return wrap(proxy, result);
        }

        /** Reports an execution; the kit's own trouble never hides the driver's exception. */
        private void report(List<SqlCount.Execution> executions, boolean batched, long start, Throwable failure) {
            if (executions.isEmpty()) {
                return;
            }
            try {
                SqlCount.dispatch(source, executions, batched, System.nanoTime() - start);
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }

        private Object executeBatch(Method method, Object[] args) throws Throwable {
            if (!SqlCount.isRecording()) {
                clearBatch();
                return JdbcProxies.invoke(target, method, args);
            }
            List<SqlCount.Execution> executions = new ArrayList<>();
            for (int i = 0; i < leadingUncapturedRows; i++) {
                executions.add(new SqlCount.Execution(preparedSql, UNCAPTURED_ROW));
            }
            for (List<Object> row : batchedRows) {
                executions.add(new SqlCount.Execution(preparedSql, row));
            }
            for (String sql : batchedSql) {
                executions.add(new SqlCount.Execution(sql, List.of()));
            }
            clearBatch();
            long start = System.nanoTime();
            Object result;
            try {
                result = JdbcProxies.invoke(target, method, args);
            } catch (Throwable failure) {
                report(executions, true, start, failure);
                throw failure;
            }
            report(executions, true, start, null);
            return result;
        }

        private void clearBatch() {
            leadingUncapturedRows = 0;
            batchedRows.clear();
            batchedSql.clear();
        }
    }
}
