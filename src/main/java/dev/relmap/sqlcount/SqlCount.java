package dev.relmap.sqlcount;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 *   <li>Record a block: {@code SqlReport report = SqlCount.record(() -> repository.findAll())}
 *       ({@link #recordResult} when you need the block's value, {@link #recordAfterFlushAndClear}
 *       to empty the persistence context first), or scope a recording yourself with
 *       {@code try (Recording recording = SqlCount.start(factory)) { … }}.
 *   <li>Assert on the {@link SqlReport}, for example with
 *       {@code dev.relmap.sqlcount.assertj.SqlAssertions.assertThat(report).hasSelectCount(1)}.
 * </ol>
 *
 * <p>A recording sees only the statements run on the thread that started it (unless started with
 * {@link #startAllThreads()}), so tests running in parallel never see each other's SQL.
 *
 * <p>A recording never reports a silent zero for work it cannot see: starting one with
 * {@link #start()} before any DataSource was wrapped throws (a test guard starts with
 * {@link #startGuard} instead, since its test may touch no database); {@link #start(EntityManagerFactory)} and
 * {@link #recordAfterFlushAndClear} refuse a factory whose DataSource was not wrapped; and when
 * Hibernate runs a statement through such a factory on the recording's thread, from any session,
 * stateless ones included, the recording's {@link Recording#stop()} throws (Hibernate finds
 * {@link SqlCountIntegrator} on the class path by itself).
 */
public final class SqlCount {

    private static final AtomicInteger WRAPPED = new AtomicInteger();
    private static final List<Recording> ACTIVE = new CopyOnWriteArrayList<>();
    /** SQL strings known to be run, or not, by Hibernate's table-based id allocation. */
    private static final Map<String, Boolean> ID_ALLOCATION = new ConcurrentHashMap<>();
    private static final int ID_ALLOCATION_LIMIT = 4_096;

    private SqlCount() {
    }

    /**
     * Wraps a DataSource (your pool) so that the statements it runs can be recorded. Wrapping is
     * idempotent through any chain: a DataSource that already has the kit inside it, under another
     * wrapper that answers {@link DataSource#isWrapperFor} as JDBC asks (Spring's proxies,
     * datasource-proxy, p6spy), is returned as it is, so no statement is counted twice.
     */
    public static DataSource wrap(DataSource dataSource) {
        if (dataSource instanceof CountingDataSource counting) {
            return counting;
        }
        if (counting(dataSource) != null) {
            return dataSource;
        }
        WRAPPED.incrementAndGet();
        return new CountingDataSource(dataSource);
    }

    /** The kit's DataSource at or inside {@code dataSource}, or null when there is none. */
    private static CountingDataSource counting(DataSource dataSource) {
        if (dataSource instanceof CountingDataSource counting) {
            return counting;
        }
        try {
            return dataSource.isWrapperFor(CountingDataSource.class) ? dataSource.unwrap(CountingDataSource.class) : null;
        } catch (SQLException | RuntimeException e) {
            return null; // a wrapper that cannot say: not the kit, as far as anyone can tell
        }
    }

    /** Starts recording the statements this thread runs through any wrapped DataSource. */
    public static Recording start() {
        requireWired();
        return register(new Recording(Thread.currentThread(), null, Thread.currentThread(), startedAt()));
    }

    /** Starts recording statements from every thread; use it only when no other test runs at once. */
    public static Recording startAllThreads() {
        requireWired();
        return register(new Recording(null, null, Thread.currentThread(), startedAt()));
    }

    /**
     * Starts the recording of a guard put around a whole test (the JUnit extension's
     * {@code @FailOnNPlusOne} and {@code relmap.sqlcount.guard}): on this thread, or on every thread
     * when {@code allThreads}. Unlike {@link #start()} it does not require a wrapped DataSource, since
     * a guarded test may touch no database at all (a web slice with mocks, a plain unit test) and must
     * pass whether or not another test wrapped a pool before it. It stays never silent all the same:
     * Hibernate work through a factory the kit cannot see fails its {@link Recording#stop()}, and
     * statements that ran only on threads it does not watch show in the report's
     * {@link SqlReport#otherThreadStatements()}.
     */
    public static Recording startGuard(boolean allThreads) {
        Thread thread = Thread.currentThread();
        return register(new Recording(allThreads ? null : thread, null, thread, startedAt()));
    }

    /**
     * Starts recording this thread's statements sent through {@code factory}'s connections only.
     *
     * @throws IllegalStateException if the factory's DataSource was not wrapped by {@link #wrap}
     */
    public static Recording start(EntityManagerFactory factory) {
        CountingDataSource source = countingDataSourceOf(factory);
        return register(new Recording(Thread.currentThread(), source, Thread.currentThread(), startedAt()));
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
     *
     * @throws IllegalStateException if the entity manager's factory is not wired to the kit
     */
    public static SqlReport recordAfterFlushAndClear(EntityManager entityManager, ThrowingRunnable work) {
        countingDataSourceOf(entityManager.getEntityManagerFactory());
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

    /**
     * The recordings started and not yet stopped, oldest first: a recording that should have
     * ended shows here (the JUnit extension fails the test that left one).
     */
    public static List<Recording> activeRecordings() {
        return List.copyOf(ACTIVE);
    }

    /** Whether {@code factory}'s connections come from {@link #wrap}, directly or under other wrappers. */
    public static boolean isWired(EntityManagerFactory factory) {
        return wiredSource(factory.unwrap(SessionFactoryImplementor.class)) != null;
    }

    /** The counting DataSource behind {@code factory}, or an error telling how to wire it in. */
    static CountingDataSource countingDataSourceOf(EntityManagerFactory factory) {
        CountingDataSource source = wiredSource(factory.unwrap(SessionFactoryImplementor.class));
        if (source == null) {
            throw new IllegalStateException("The statement-counting kit is not wired into " + factory
                    + ": its connections do not come from SqlCount.wrap(dataSource), so a recording"
                    + " would not see its statements. Pass the wrapped DataSource as"
                    + " 'jakarta.persistence.nonJtaDataSource'.");
        }
        return source;
    }

    static CountingDataSource wiredSource(SessionFactoryImplementor factory) {
        ConnectionProvider provider = factory.getServiceRegistry().requireService(ConnectionProvider.class);
        return provider.isUnwrappableAs(DataSource.class) ? counting(provider.unwrap(DataSource.class)) : null;
    }

    private static void requireWired() {
        if (WRAPPED.get() == 0) {
            throw new IllegalStateException("The statement-counting kit is not wired in: no DataSource"
                    + " has been wrapped with SqlCount.wrap(dataSource), so a recording would report"
                    + " zero statements. Hand Hibernate the wrapped DataSource"
                    + " ('jakarta.persistence.nonJtaDataSource').");
        }
    }

    private static String startedAt() {
        return new CallSite().get();
    }

    private static Recording register(Recording recording) {
        ACTIVE.add(recording);
        return recording;
    }

    static void unregister(Recording recording) {
        ACTIVE.remove(recording);
    }

    /** Whether any recording is active: when none is, the JDBC proxies only delegate. */
    static boolean isRecording() {
        return !ACTIVE.isEmpty();
    }

    /** Called by {@link SqlCountIntegrator}'s listeners: a factory the kit cannot see did work here. */
    static void unwiredWork(String factory) {
        if (ACTIVE.isEmpty()) {
            return;
        }
        Thread thread = Thread.currentThread();
        for (Recording recording : ACTIVE) {
            if (recording.acceptsThread(thread) && !recording.isScopedToFactory()) {
                recording.unwired(factory);
            }
        }
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
            if (!recording.acceptsSource(source)) {
                continue;
            }
            if (recording.acceptsThread(thread)) {
                recording.add(executions, batched, nanos, callSite, thread.getName());
            } else {
                recording.elsewhere(executions.size(), thread.getName());
            }
        }
    }

    /**
     * Whether {@code sql} is run by Hibernate's table-based id allocation: decided once per SQL
     * string, from the stack of its first recorded execution.
     */
    static boolean isIdAllocation(String sql, StatementKind kind, CallSite callSite) {
        if (kind != StatementKind.SELECT && kind != StatementKind.UPDATE && kind != StatementKind.INSERT) {
            return false;
        }
        Boolean known = ID_ALLOCATION.get(sql);
        if (known == null) {
            if (ID_ALLOCATION.size() >= ID_ALLOCATION_LIMIT) {
                ID_ALLOCATION.clear();
            }
            known = callSite.isIdAllocation();
            ID_ALLOCATION.put(sql, known);
        }
        return known;
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

    /**
     * Skips frames whose class name starts with one of {@code prefixes} when the kit names the line of
     * your code behind a statement (the call site of the report's evidence and of the N+1 rule), in
     * addition to the frameworks it skips by itself: the JDK, Hibernate, Spring's data access
     * plumbing and Jakarta Data implementations. Name your own data layer here (a base DAO, a query
     * helper every repository calls) when the line you want is the one that called it: otherwise
     * every query is blamed on the helper's line, and two calls on two lines read as one loop. The
     * system property {@code relmap.sqlcount.callsite.skip} (comma-separated) adds prefixes too, and
     * so does the JUnit configuration parameter of that name where the kit's JUnit extension runs.
     * Prefixes are never removed: they hold for the rest of the JVM; adding one twice changes nothing.
     *
     * @param prefixes starts of class names, such as {@code "com.example.persistence."}
     * @throws IllegalArgumentException naming a prefix that is null, blank or not the start of a
     *     class name
     */
    public static void skipInCallSites(String... prefixes) {
        CallSite.skip(prefixes);
    }
}
