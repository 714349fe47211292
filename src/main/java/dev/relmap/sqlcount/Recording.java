package dev.relmap.sqlcount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An explicitly scoped recording of executed statements, started by {@link SqlCount#start()}.
 * Stop it with {@link #stop()} (or let try-with-resources close it); there is no static counter
 * to reset.
 */
public final class Recording implements AutoCloseable {

    private final Thread owner;
    private final CountingDataSource source;
    /** Call sites are captured for this many executions of each shape; later ones repeat them. */
    static final int CALL_SITES_PER_SHAPE = 3;

    private final List<ExecutedStatement> statements = new ArrayList<>();
    private final Map<String, Integer> executionsByShape = new HashMap<>();
    private int roundTrips;
    private SqlReport finalReport;

    Recording(Thread owner, CountingDataSource source) {
        this.owner = owner;
        this.source = source;
    }

    boolean accepts(Thread thread, CountingDataSource from) {
        return (owner == null || owner == thread) && (source == null || source == from);
    }

    synchronized void add(List<SqlCount.Execution> executions, boolean batched, long nanos,
            SqlCount.CallSite callSite, String thread) {
        if (finalReport != null) {
            return;
        }
        roundTrips++;
        for (SqlCount.Execution execution : executions) {
            int seen = executionsByShape.merge(SqlClassifier.shape(execution.sql()), 1, Integer::sum);
            statements.add(new ExecutedStatement(
                    statements.size() + 1,
                    execution.sql(),
                    SqlClassifier.classify(execution.sql()),
                    Parameters.snapshot(execution.parameters()),
                    roundTrips,
                    batched,
                    seen <= CALL_SITES_PER_SHAPE ? callSite.get() : null,
                    thread,
                    nanos));
        }
    }

    /** What has been recorded so far; the recording goes on. */
    public synchronized SqlReport report() {
        return finalReport != null ? finalReport : new SqlReport(statements);
    }

    /** Stops recording and returns what ran. Calling it again returns the same report. */
    public synchronized SqlReport stop() {
        if (finalReport == null) {
            SqlCount.unregister(this);
            finalReport = new SqlReport(statements);
        }
        return finalReport;
    }

    @Override
    public void close() {
        stop();
    }
}
