package dev.relmap.catalog;

import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * The JPQL a strategy's repository method writes, caught on its way into the EntityManager: the
 * report shows it beside the SQL Hibernate made of it. Every call goes through to the real
 * EntityManager unchanged; a Session asked for with {@code unwrap(Session.class)} is watched too.
 * Issues no statement of its own.
 */
final class QueryCapture {

    /** The methods whose first argument, when a String, is query text. */
    private static final Set<String> QUERY_METHODS = Set.of(
            "createQuery", "createSelectionQuery", "createMutationQuery", "createNativeQuery", "createNamedQuery");

    /** Frames that are not the pattern's own code: the JDK, JPA, Hibernate, relmap's harness. */
    private static final List<String> HARNESS = List.of("java.", "jdk.", "sun.", "jakarta.", "org.hibernate.",
            "dev.relmap.catalog.", "dev.relmap.pattern.", "dev.relmap.tour.", "dev.relmap.sqlcount.",
            "dev.relmap.bootstrap.");
    private static final StackWalker WALKER = StackWalker.getInstance();

    private final List<String> queries = new ArrayList<>();
    private String method;

    /** An EntityManager that records the query texts {@code target} is given. */
    EntityManager watch(EntityManager target) {
        return watch(EntityManager.class, target);
    }

    /**
     * The method behind the strategy, {@code AuthorRepository.findAllThenBatchFetchBooks}: the
     * outermost frame of the pattern's own code when the EntityManager was first used; empty if
     * it never was.
     */
    Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** The query texts seen so far, each once, in the order first seen; named queries as {@code @name}. */
    List<String> queries() {
        return List.copyOf(queries);
    }

    private <T> T watch(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (this.method == null) {
                this.method = outermostPatternFrame();
            }
            record(method, arguments);
            Object result;
            try {
                result = method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("unwrap") && arguments[0] == Session.class) {
                return watch(Session.class, (Session) result);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** Going outwards from the proxy: the last frame of the pattern's code before the harness that called it. */
    private static String outermostPatternFrame() {
        return WALKER.walk(frames -> {
            StackWalker.StackFrame outermost = null;
            for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                boolean harness = HARNESS.stream().anyMatch(frame.getClassName()::startsWith)
                        || frame.getClassName().contains("$Proxy");
                if (!harness) {
                    outermost = frame;
                } else if (outermost != null) {
                    break;
                }
            }
            return outermost == null ? null : simpleName(outermost.getClassName()) + "." + outermost.getMethodName();
        });
    }

    private static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nest = simple.indexOf('$');
        return nest < 0 ? simple : simple.substring(0, nest);
    }

    private void record(Method method, Object[] arguments) {
        if (QUERY_METHODS.contains(method.getName()) && arguments != null && arguments.length > 0
                && arguments[0] instanceof String text) {
            String query = method.getName().equals("createNamedQuery") ? "@" + text : text.strip();
            if (!queries.contains(query)) {
                queries.add(query);
            }
        }
    }
}
