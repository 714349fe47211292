package dev.relmap.sqlcount;

import dev.relmap.sqlcount.SqlClassifier.Analysis;
import dev.relmap.sqlcount.SqlClassifier.Piece;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An explicitly scoped recording of executed statements, started by {@link SqlCount#start()} (or
 * {@link SqlCount#start(jakarta.persistence.EntityManagerFactory)}, {@link SqlCount#startAllThreads()}).
 * Stop it with {@link #stop()}, or let try-with-resources close it: until then it keeps collecting.
 * A recording left running is listed by {@link SqlCount#activeRecordings()}, and the JUnit extension
 * fails the test that left it. There is no static counter to reset.
 */
public final class Recording implements AutoCloseable {

    /** Call sites are captured for at least this many executions of each shape. */
    static final int CALL_SITES_PER_SHAPE = 3;

    private final Thread owner;
    private final CountingDataSource source;
    private final Thread starter;
    private final String startedAt;

    private final List<ExecutedStatement> statements = new ArrayList<>();
    private final Map<String, ShapeState> shapes = new HashMap<>();
    private final Set<String> otherThreads = new LinkedHashSet<>();
    private int otherThreadStatements;
    private int roundTrips;
    private String unwired;
    private SqlReport finalReport;

    /** What the recording knows of one shape while it runs: enough to stop walking the stack. */
    private static final class ShapeState {
        int executions;
        boolean settled;
        final Map<String, List<Object>> firstReadBySite = new HashMap<>();
    }

    Recording(Thread owner, CountingDataSource source, Thread starter, String startedAt) {
        this.owner = owner;
        this.source = source;
        this.starter = starter;
        this.startedAt = startedAt;
    }

    boolean acceptsSource(CountingDataSource from) {
        return source == null || source == from;
    }

    boolean acceptsThread(Thread thread) {
        return owner == null || owner == thread;
    }

    boolean isScopedToFactory() {
        return source != null;
    }

    synchronized void add(List<SqlCount.Execution> executions, boolean batched, long nanos,
            CallSite callSite, String thread) {
        if (finalReport != null) {
            return;
        }
        roundTrips++;
        for (SqlCount.Execution execution : executions) {
            for (Piece piece : SqlClassifier.pieces(execution.sql())) {
                add(piece, execution.parameters(), batched, nanos, callSite, thread);
            }
        }
    }

    private void add(Piece piece, List<Object> parameters, boolean batched, long nanos, CallSite callSite,
            String thread) {
        Analysis analysis = SqlClassifier.analyse(piece.sql());
        StatementKind kind = SqlCount.isIdAllocation(piece.sql(), analysis.kind(), callSite)
                ? StatementKind.SEQUENCE : analysis.kind();
        ShapeState state = shapes.computeIfAbsent(analysis.shape(), shape -> new ShapeState());
        state.executions++;
        boolean unsettledRead = kind == StatementKind.SELECT && !state.settled;
        String site = state.executions <= CALL_SITES_PER_SHAPE || unsettledRead ? callSite.get() : null;
        int from = Math.min(piece.parameterOffset(), parameters.size());
        int to = Math.min(piece.parameterOffset() + piece.parameters(), parameters.size());
        List<Object> own = piece.parameterOffset() == 0 && to == parameters.size()
                ? parameters : parameters.subList(from, to);
        ExecutedStatement statement = new ExecutedStatement(statements.size() + 1, piece.sql(), kind, own,
                roundTrips, batched, site, thread, nanos);
        statements.add(statement);
        if (unsettledRead) {
            ShapeVerdicts.Values values = ShapeVerdicts.values(statement);
            if (values.complete()) {
                List<Object> first = state.firstReadBySite.putIfAbsent(site, values.read());
                state.settled = first != null && !first.equals(values.read());
            }
        }
    }

    /** Notes statements that ran through this recording's DataSource on a thread it does not watch. */
    synchronized void elsewhere(int count, String thread) {
        if (finalReport == null) {
            otherThreadStatements += count;
            if (otherThreads.size() < 5) {
                otherThreads.add(thread);
            }
        }
    }

    /** Notes that Hibernate worked through a factory whose statements the kit cannot see. */
    synchronized void unwired(String factory) {
        if (finalReport == null && unwired == null) {
            unwired = factory;
        }
    }

    /**
     * What has been recorded so far; the recording goes on.
     *
     * @throws IllegalStateException if Hibernate worked during the recording through a factory whose
     *     DataSource was not wrapped: its statements were not counted
     */
    public synchronized SqlReport report() {
        requireWired();
        return finalReport != null ? finalReport : newReport();
    }

    /**
     * Stops recording and returns what ran. Calling it again returns the same report.
     *
     * @throws IllegalStateException if Hibernate worked during the recording through a factory whose
     *     DataSource was not wrapped: its statements were not counted
     */
    public synchronized SqlReport stop() {
        if (finalReport == null) {
            SqlCount.unregister(this);
            finalReport = newReport();
        }
        requireWired();
        return finalReport;
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether it is still collecting: started and not yet stopped. */
    public synchronized boolean isActive() {
        return finalReport == null;
    }

    /** The thread that started it. */
    public Thread startedBy() {
        return starter;
    }

    /** The line of code that started it. */
    public String startedAt() {
        return startedAt;
    }

    @Override
    public String toString() {
        return "recording started at " + startedAt + " on thread " + starter.getName()
                + (isActive() ? " (active)" : " (stopped)");
    }

    private SqlReport newReport() {
        return new SqlReport(statements, otherThreadStatements, List.copyOf(otherThreads), owner != null);
    }

    private void requireWired() {
        if (unwired != null) {
            throw new IllegalStateException("The statement-counting kit is not wired into " + unwired
                    + ": Hibernate ran statements through it during this " + this + ", and"
                    + " its statements were not counted. Hand that factory SqlCount.wrap(dataSource)"
                    + " ('jakarta.persistence.nonJtaDataSource').");
        }
    }
}
