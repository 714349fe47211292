package dev.relmap.sqlcount.junit;

import dev.relmap.sqlcount.Recording;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's handle on the statement-counting kit, injected by {@link SqlCountExtension}. Recordings
 * it starts are stopped when the test ends, even when the test fails half-way.
 */
public final class SqlRecorder {

    private final List<Recording> recordings = new ArrayList<>();

    SqlRecorder() {
    }

    /** Starts recording this thread's statements. */
    public Recording start() {
        Recording recording = SqlCount.start();
        recordings.add(recording);
        return recording;
    }

    /** Records {@code work} and returns what ran. */
    public SqlReport record(SqlCount.ThrowingRunnable work) {
        return SqlCount.record(work);
    }

    /** Records {@code work} and returns its value with what ran. */
    public <T> SqlCount.Recorded<T> recordResult(SqlCount.ThrowingSupplier<T> work) {
        return SqlCount.recordResult(work);
    }

    /** Flushes and clears {@code entityManager}, then records {@code work}. */
    public SqlReport recordAfterFlushAndClear(EntityManager entityManager, SqlCount.ThrowingRunnable work) {
        return SqlCount.recordAfterFlushAndClear(entityManager, work);
    }

    void stopAll() {
        recordings.forEach(Recording::stop);
        recordings.clear();
    }
}
