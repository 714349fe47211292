package dev.relmap.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.bootstrap.UnitSpec;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.Session;

/**
 * The threads of a test that proves what a mapping does when writers collide: each runs its task
 * in a transaction of its own, takes its connection before anything else, and meets the others at
 * named steps ("every thread has read"), so the outcome is decided by the mapping, never by a slow
 * machine.
 *
 * <pre>{@code
 * List<Throwable> outcomes = Contenders.run(unit, 8, me -> ...runInTransaction(em -> {
 *     me.connect(em);                       // a connection of its own, checked, then all wait for all
 *     Course course = em.find(Course.class, id);
 *     me.reach("every thread has read");
 *     course.addSeats(me.number());
 * }));
 * }</pre>
 *
 * <p><b>The time budget.</b> Each wait is longer than what it waits for, so the first to run out
 * names the cause, and a thread that ends early (it failed, or it simply finished) without
 * reaching a step frees the threads waiting there for it at once, with its reason:
 * <ul>
 *   <li>a connection: {@link #CONNECTION_WAIT}, the pool's own timeout ({@link Relmap#CONNECTION_TIMEOUT},
 *       set by {@link #unit}). The pool opens connections lazily, one at a time: sixteen threads on
 *       a pool holding one wait for fifteen to be opened, which on a busy server takes seconds each;
 *   <li>a step: {@link #STEP_WAIT}, longer than a connection wait and than any one statement, which
 *       the read timeout ({@link Relmap#DEFAULT_SOCKET_TIMEOUT}) ends;
 *   <li>the whole run: the calling thread waits as long as the threads get on, and gives up only
 *       after {@link #STALL} in which none of them reached a step or ended; longer than a step
 *       wait, so a thread stuck at a step reports itself first.
 * </ul>
 * Every failure of the harness itself is an {@link AssertionError} naming the thread, the step, and
 * for a missing connection the pool's state; a task's {@code catch (RuntimeException e)} does not
 * swallow it.
 */
public final class Contenders {

    /** The step every thread reaches once it holds a connection of its own. */
    public static final String CONNECTED = "connected";

    /** How long a thread waits for a connection: the pool's timeout in a unit opened by {@link #unit}. */
    public static final Duration CONNECTION_WAIT = Duration.ofSeconds(60);

    /** How long a thread waits at a step for the others: above a connection wait and a statement's read timeout. */
    public static final Duration STEP_WAIT = max(CONNECTION_WAIT, Relmap.DEFAULT_SOCKET_TIMEOUT).plusSeconds(30);

    /** How long the run may go without any thread reaching a step or ending. */
    public static final Duration STALL = STEP_WAIT.plusSeconds(30);

    private final int size;
    private final List<RelmapUnit> units;
    private final List<Set<String>> reached = new ArrayList<>();
    private final String[] ended;
    private final Throwable[] failures;
    private long progress;

    private Contenders(List<RelmapUnit> units, int size) {
        this.units = List.copyOf(units);
        this.size = size;
        this.ended = new String[size];
        this.failures = new Throwable[size];
        for (int i = 0; i < size; i++) {
            reached.add(new HashSet<>());
        }
    }

    /**
     * {@code spec} with a pool of {@code threads} connections, one for each, plus {@code alsoHeld}
     * that the test holds itself while they run (never fewer than relmap's default), and a
     * connection timeout of {@link #CONNECTION_WAIT}.
     */
    public static UnitSpec unit(UnitSpec spec, int threads, int alsoHeld) {
        return spec.property(Relmap.POOL_SIZE, Math.max(Relmap.DEFAULT_POOL_SIZE, threads + alsoHeld))
                .property(Relmap.CONNECTION_TIMEOUT, CONNECTION_WAIT);
    }

    /** One thread's task; {@code me} says which thread it is and lets it connect and meet the others. */
    @FunctionalInterface
    public interface Task<T> {
        T run(Contender me) throws Exception;
    }

    /**
     * Runs {@code task} on {@code threads} threads at once, numbered 1 to {@code threads}, and returns
     * their results in that order.
     *
     * @throws AssertionError when the unit's pool is too small for the threads or waits less than
     *     {@link #CONNECTION_WAIT} for a connection (checked by {@link Contender#connect}), when a
     *     thread could not get a connection or waited too long at a step, or when a task threw:
     *     naming the thread and the step, with the other threads' failures suppressed
     */
    public static <T> List<T> run(RelmapUnit unit, int threads, Task<T> task) throws Exception {
        return run(List.of(unit), threads, task);
    }

    /**
     * {@link #run(RelmapUnit, int, Task)} with the threads spread over {@code units} in turn: thread
     * {@code i} works through {@code units.get((i - 1) % units.size())}, its {@link Contender#unit()}
     * (one unit per node of a cluster, say), and each unit's pool must hold a connection for each of
     * its threads.
     */
    public static <T> List<T> run(List<RelmapUnit> units, int threads, Task<T> task) throws Exception {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("no unit to run " + threads + " threads through");
        }
        Contenders contenders = new Contenders(units, threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int number = 1; number <= threads; number++) {
                Contender me = contenders.new Contender(number);
                futures.add(pool.submit(() -> contenders.runAs(me, task)));
            }
            contenders.awaitEnd();
            contenders.throwFirstFailure();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get()); // done: every thread has ended
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One of the threads, numbered from 1. */
    public final class Contender {

        private final int number;

        private Contender(int number) {
            this.number = number;
        }

        /** 1 to the number of threads. */
        public int number() {
            return number;
        }

        /** The unit this thread works through: the only one, or its turn of several. */
        public RelmapUnit unit() {
            return units.get((number - 1) % units.size());
        }

        /**
         * Makes {@code entityManager}'s transaction take its JDBC connection now (no statement is
         * sent), checks that it holds one, and waits at {@link #CONNECTED} until every thread does.
         */
        public void connect(EntityManager entityManager) {
            checkPool(unit(), threadsOf(unit()));
            try {
                entityManager.unwrap(Session.class).doWork(connection -> {
                    if (connection == null || connection.isClosed()) {
                        throw new SQLException("the pool handed out " + (connection == null ? "no" : "a closed") + " connection");
                    }
                });
            } catch (RuntimeException failure) {
                throw new AssertionError("thread " + number + " of " + size + " could not get a connection within "
                        + CONNECTION_WAIT.toSeconds() + " s, before step '" + CONNECTED + "': " + poolState(unit()), failure);
            }
            reach(CONNECTED);
        }

        /**
         * Waits until every thread has reached {@code step}, at most {@link #STEP_WAIT}; fails at once
         * if a thread ended without reaching it.
         */
        public void reach(String step) {
            Contenders.this.reach(number, step);
        }
    }

    private <T> T runAs(Contender me, Task<T> task) throws Exception {
        String end = "finished";
        try {
            return task.run(me);
        } catch (Exception | Error failure) {
            end = "failed with " + failure;
            synchronized (this) {
                failures[me.number - 1] = failure;
            }
            throw failure;
        } finally {
            synchronized (this) {
                ended[me.number - 1] = end;
                progress++;
                notifyAll();
            }
        }
    }

    private synchronized void reach(int number, String step) {
        reached.get(number - 1).add(step);
        progress++;
        notifyAll();
        long deadline = System.nanoTime() + STEP_WAIT.toNanos();
        while (true) {
            List<Integer> missing = missingAt(step);
            if (missing.isEmpty()) {
                return;
            }
            for (int other : missing) {
                if (ended[other - 1] != null) {
                    throw new AssertionError("thread " + number + " stopped waiting at step '" + step + "' for thread "
                            + other + ", which ended without reaching it: " + ended[other - 1]);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("thread " + number + " waited " + STEP_WAIT.toSeconds() + " s at step '" + step
                        + "' for " + describe(missing) + "; " + poolState());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("thread " + number + " was interrupted at step '" + step + "'", e);
            }
        }
    }

    private List<Integer> missingAt(String step) {
        return IntStream.rangeClosed(1, size).filter(n -> !reached.get(n - 1).contains(step)).boxed().toList();
    }

    /** Each thread named with the steps it reached and, if it ended, how. */
    private String describe(List<Integer> numbers) {
        return numbers.stream().map(n -> "thread " + n + " (reached " + reached.get(n - 1) + ", "
                        + (ended[n - 1] == null ? "still running" : ended[n - 1]) + ")")
                .collect(Collectors.joining(", "));
    }

    private synchronized void awaitEnd() throws InterruptedException {
        long seen = progress;
        long deadline = System.nanoTime() + STALL.toNanos();
        while (IntStream.range(0, size).anyMatch(i -> ended[i] == null)) {
            if (progress != seen) {
                seen = progress;
                deadline = System.nanoTime() + STALL.toNanos();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                List<Integer> running = IntStream.rangeClosed(1, size).filter(n -> ended[n - 1] == null).boxed().toList();
                throw new AssertionError("no thread reached a step or ended for " + STALL.toSeconds() + " s: "
                        + describe(running) + "; " + poolState());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /**
     * The failure that came first in cause: a thread that failed on its own rather than one freed
     * from a step by another's failure; the rest suppressed.
     */
    private synchronized void throwFirstFailure() {
        List<Throwable> all = IntStream.range(0, size).mapToObj(i -> failures[i]).filter(f -> f != null).toList();
        if (all.isEmpty()) {
            return;
        }
        Throwable first = all.stream().filter(f -> !isFreedByAnother(f)).findFirst().orElse(all.get(0));
        int thread = IntStream.range(0, size).filter(i -> failures[i] == first).findFirst().orElseThrow() + 1;
        AssertionError failure = first instanceof AssertionError assertion ? assertion
                : new AssertionError("thread " + thread + " of " + size + " failed: " + first, first);
        all.stream().filter(f -> f != first).forEach(failure::addSuppressed);
        throw failure;
    }

    private static boolean isFreedByAnother(Throwable failure) {
        return failure instanceof AssertionError && String.valueOf(failure.getMessage()).contains(" stopped waiting at step ");
    }

    /** How many of the threads work through {@code unit}. */
    private int threadsOf(RelmapUnit unit) {
        int index = units.indexOf(unit);
        return (int) IntStream.range(0, size).filter(i -> i % units.size() == index).count();
    }

    /** Fails before a thread takes a connection when the pool cannot give every thread one in time. */
    private void checkPool(RelmapUnit unit, int threads) {
        HikariDataSource pool = hikari(unit);
        if (pool.getMaximumPoolSize() < threads) {
            throw new AssertionError(threads + " threads need a connection each, but pool " + pool.getPoolName()
                    + " holds at most " + pool.getMaximumPoolSize() + ": open the unit with Contenders.unit(spec, "
                    + threads + ", connections the test holds meanwhile)");
        }
        if (pool.getConnectionTimeout() < CONNECTION_WAIT.toMillis()) {
            throw new AssertionError("pool " + pool.getPoolName() + " waits " + pool.getConnectionTimeout()
                    + " ms for a connection, less than the " + CONNECTION_WAIT.toMillis() + " ms that the threads"
                    + " waiting for it at a step allow: open the unit with Contenders.unit(…)");
        }
    }

    /** The state of every unit's pool. */
    private String poolState() {
        return units.stream().map(this::poolState).collect(Collectors.joining("; "));
    }

    private String poolState(RelmapUnit unit) {
        HikariDataSource pool = hikari(unit);
        HikariPoolMXBean state = pool.getHikariPoolMXBean();
        return "pool " + pool.getPoolName() + " had " + state.getTotalConnections() + " of at most "
                + pool.getMaximumPoolSize() + " connections open, " + state.getActiveConnections() + " in use, "
                + state.getIdleConnections() + " idle, " + state.getThreadsAwaitingConnection() + " threads waiting";
    }

    private static HikariDataSource hikari(RelmapUnit unit) {
        try {
            return unit.dataSource().unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("unit " + unit + " has no Hikari pool", e);
        }
    }

    private static Duration max(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }
}
