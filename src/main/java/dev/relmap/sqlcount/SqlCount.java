package dev.relmap.sqlcount;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The statement-counting kit's entry point.
 *
 * <ol>
 *   <li>Wire it in once: hand Hibernate {@code SqlCount.wrap(yourPool)} instead of your pool
 *       ({@code jakarta.persistence.nonJtaDataSource} or {@code hibernate.connection.datasource}).
 *   <li>Record a block: {@code SqlReport report = SqlCount.record(() -> repository.findAll())}, or
 *       {@code try (Recording recording = SqlCount.start()) { … }} and {@link Recording#stop()}.
 *   <li>Assert on the {@link SqlReport}, for example with
 *       {@code dev.relmap.sqlcount.assertj.SqlAssertions.assertThat(report).hasSelectCount(1)}.
 * </ol>
 *
 * <p>A recording sees only the statements run on the thread that started it (unless started with
 * {@link #startAllThreads()}), so tests running in parallel never see each other's SQL. Starting a
 * recording before any DataSource was wrapped throws, rather than reporting zero statements.
 */
public final class SqlCount {

    private static final AtomicInteger WRAPPED = new AtomicInteger();
    private static final List<Recording> ACTIVE = new CopyOnWriteArrayList<>();
    private static final Set<String> NOT_CALLERS = Set.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.", "org.hibernate.", "com.zaxxer.",
            "org.h2.", "org.postgresql.", "org.mariadb.", "net.bytebuddy.", "dev.relmap.sqlcount.");

    private SqlCount() {
    }

    /** Wraps a DataSource (your pool) so that the statements it runs can be recorded. */
    public static CountingDataSource wrap(DataSource dataSource) {
        if (dataSource instanceof CountingDataSource counting) {
            return counting;
        }
        WRAPPED.incrementAndGet();
        return new CountingDataSource(dataSource);
    }

    /** Starts recording the statements this thread runs through any wrapped DataSource. */
    public static Recording start() {
        requireWired();
        return register(new Recording(Thread.currentThread(), null));
    }

    /** Starts recording statements from every thread; use it only when no other test runs at once. */
    public static Recording startAllThreads() {
        requireWired();
        return register(new Recording(null, null));
    }

    /**
     * Starts recording this thread's statements sent through {@code factory}'s connections only.
     *
     * @throws IllegalStateException if the factory's DataSource was not wrapped by {@link #wrap}
     */
    public static Recording start(EntityManagerFactory factory) {
        return register(new Recording(Thread.currentThread(), countingDataSourceOf(factory)));
    }

    /** Runs {@code work} while recording this thread's statements, and returns what ran. */
    public static SqlReport record(ThrowingRunnable work) {
        try (Recording recording = start()) {
            run(work);
            return recording.stop();
        }
    }

    /** Runs {@code work} while recording, and returns its result with what ran. */
    public static <T> Recorded<T> recordResult(ThrowingSupplier<T> work) {
        try (Recording recording = start()) {
            T value = get(work);
            return new Recorded<>(value, recording.stop());
        }
    }

    /**
     * Flushes and clears {@code entityManager} (so pending writes are not counted and nothing is
     * served from the persistence context), then records {@code work}.
     */
    public static SqlReport recordAfterFlushAndClear(EntityManager entityManager, ThrowingRunnable work) {
        flushAndClear(entityManager);
        return record(work);
    }

    /**
     * Sends pending changes (when a transaction is active; outside one there is nothing to send) and
     * empties the persistence context, so the next read hits the database.
     */
    public static void flushAndClear(EntityManager entityManager) {
        if (entityManager.isJoinedToTransaction()) {
            entityManager.flush();
        }
        entityManager.clear();
    }

    /** The counting DataSource behind {@code factory}, or an error telling how to wire it in. */
    public static CountingDataSource countingDataSourceOf(EntityManagerFactory factory) {
        ConnectionProvider provider = factory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry()
                .requireService(ConnectionProvider.class);
        if (provider.isUnwrappableAs(DataSource.class)
                && provider.unwrap(DataSource.class) instanceof CountingDataSource counting) {
            return counting;
        }
        throw new IllegalStateException("The statement-counting kit is not wired into " + factory
                + ": its connections do not come from SqlCount.wrap(dataSource). Pass the wrapped"
                + " DataSource as 'jakarta.persistence.nonJtaDataSource'.");
    }

    static void requireWired() {
        if (WRAPPED.get() == 0) {
            throw new IllegalStateException("The statement-counting kit is not wired in: no DataSource"
                    + " has been wrapped with SqlCount.wrap(dataSource), so a recording would report"
                    + " zero statements. Hand Hibernate the wrapped DataSource"
                    + " ('jakarta.persistence.nonJtaDataSource').");
        }
    }

    private static Recording register(Recording recording) {
        ACTIVE.add(recording);
        return recording;
    }

    static void unregister(Recording recording) {
        ACTIVE.remove(recording);
    }

    /** One statement of an execution: the SQL and the values bound to it. */
    record Execution(String sql, List<Object> parameters) {
    }

    static void dispatch(CountingDataSource source, List<Execution> executions, boolean batched, long nanos) {
        if (ACTIVE.isEmpty()) {
            return;
        }
        Thread thread = Thread.currentThread();
        CallSite callSite = new CallSite();
        for (Recording recording : ACTIVE) {
            if (recording.accepts(thread, source)) {
                recording.add(executions, batched, nanos, callSite, thread.getName());
            }
        }
    }

    /**
     * The line of user code behind an execution, found by walking the stack only when a recording
     * asks for it: the walk is the kit's main cost (tens of microseconds under a deep Hibernate
     * stack), so recordings ask only for the first executions of each shape.
     */
    static final class CallSite {
        private String value;

        String get() {
            if (value == null) {
                value = callSite();
            }
            return value;
        }
    }

    private static String callSite() {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(frame -> !isLibraryFrame(frame.getClassName()))
                        .findFirst()
                        .map(frame -> frame.getClassName() + "." + frame.getMethodName()
                                + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")")
                        .orElse("(unknown)"));
    }

    private static boolean isLibraryFrame(String className) {
        if (className.startsWith("dev.relmap.sqlcount.") && className.contains("Test")) {
            return false;
        }
        for (String prefix : NOT_CALLERS) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return className.contains("$Proxy") || className.contains("$HibernateProxy");
    }

    private static void run(ThrowingRunnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(ThrowingSupplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A block of code to record, which may throw checked exceptions (JDBC code does). */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A block of code to record that returns a value. */
    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    /** The result of recorded work, with the statements it ran. */
    public record Recorded<T>(T value, SqlReport report) {
    }
}
