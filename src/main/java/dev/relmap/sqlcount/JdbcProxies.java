package dev.relmap.sqlcount;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * JDK dynamic proxies around {@link Connection} and its statements. They see every execution,
 * every batch and every bound value, and report them to the {@link SqlCount} recordings that want
 * them. When no recording is active they only delegate.
 */
final class JdbcProxies {

    private JdbcProxies() {
    }

    static Connection connection(Connection target, CountingDataSource source) {
        return (Connection) Proxy.newProxyInstance(
                JdbcProxies.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new ConnectionHandler(target, source));
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

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection target;
        private final CountingDataSource source;

        ConnectionHandler(Connection target, CountingDataSource source) {
            this.target = target;
            this.source = source;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (isObjectOrWrapperMethod(method)) {
                return objectOrWrapperMethod(proxy, target, method, args);
            }
            Object result = JdbcProxies.invoke(target, method, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<?> type = statement instanceof CallableStatement
                        ? CallableStatement.class
                        : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(
                        JdbcProxies.class.getClassLoader(),
                        new Class<?>[] {type},
                        new StatementHandler(statement, sql, (Connection) proxy, source));
            }
            return result;
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final Statement target;
        private final String preparedSql;
        private final Connection connectionProxy;
        private final CountingDataSource source;
        private final TreeMap<Integer, Object> parameters = new TreeMap<>();
        private final List<List<Object>> batchedParameters = new ArrayList<>();
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
                parameters.put(index, name.equals("setNull") ? null : args[1]);
                return JdbcProxies.invoke(target, method, args);
            }
            switch (name) {
                case "clearParameters":
                    parameters.clear();
                    return JdbcProxies.invoke(target, method, args);
                case "addBatch":
                    if (args == null || args.length == 0) {
                        batchedParameters.add(new ArrayList<>(parameters.values()));
                    } else {
                        batchedSql.add((String) args[0]);
                    }
                    return JdbcProxies.invoke(target, method, args);
                case "clearBatch":
                    batchedParameters.clear();
                    batchedSql.clear();
                    return JdbcProxies.invoke(target, method, args);
                case "executeBatch":
                case "executeLargeBatch":
                    return executeBatch(method, args);
                case "execute":
                case "executeQuery":
                case "executeUpdate":
                case "executeLargeUpdate":
                    return execute(method, args);
                default:
                    return JdbcProxies.invoke(target, method, args);
            }
        }

        private Object execute(Method method, Object[] args) throws Throwable {
            String sql = args != null && args.length > 0 ? (String) args[0] : preparedSql;
            List<Object> values = args != null && args.length > 0 ? List.of() : new ArrayList<>(parameters.values());
            long start = System.nanoTime();
            try {
                return JdbcProxies.invoke(target, method, args);
            } finally {
                SqlCount.dispatch(source, List.of(new SqlCount.Execution(sql, values)), false, System.nanoTime() - start);
            }
        }

        private Object executeBatch(Method method, Object[] args) throws Throwable {
            List<SqlCount.Execution> executions = new ArrayList<>();
            for (List<Object> values : batchedParameters) {
                executions.add(new SqlCount.Execution(preparedSql, values));
            }
            for (String sql : batchedSql) {
                executions.add(new SqlCount.Execution(sql, List.of()));
            }
            batchedParameters.clear();
            batchedSql.clear();
            long start = System.nanoTime();
            try {
                return JdbcProxies.invoke(target, method, args);
            } finally {
                if (!executions.isEmpty()) {
                    SqlCount.dispatch(source, executions, true, System.nanoTime() - start);
                }
            }
        }
    }
}
