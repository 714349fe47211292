package dev.relmap.sqlcount.assertj;

import dev.relmap.sqlcount.ShapeSummary;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Exact assertions on a {@link SqlReport}. Every failure message carries the evidence: counts by
 * kind, every shape with its verdict, first parameter sets and call site, and the numbered
 * statement log (cut after 20 statements to the last 5, saying how many it left out).
 */
public final class SqlReportAssert extends AbstractAssert<SqlReportAssert, SqlReport> {

    SqlReportAssert(SqlReport actual) {
        super(actual, SqlReportAssert.class);
    }

    /** Data SELECTs executed (sequence calls are counted apart, see {@link #hasSequenceCallCount}). */
    public SqlReportAssert hasSelectCount(int expected) {
        return hasStatementCount(StatementKind.SELECT, expected);
    }

    public SqlReportAssert hasInsertCount(int expected) {
        return hasStatementCount(StatementKind.INSERT, expected);
    }

    public SqlReportAssert hasUpdateCount(int expected) {
        return hasStatementCount(StatementKind.UPDATE, expected);
    }

    public SqlReportAssert hasDeleteCount(int expected) {
        return hasStatementCount(StatementKind.DELETE, expected);
    }

    public SqlReportAssert hasSequenceCallCount(int expected) {
        return hasStatementCount(StatementKind.SEQUENCE, expected);
    }

    public SqlReportAssert hasOtherCount(int expected) {
        return hasStatementCount(StatementKind.OTHER, expected);
    }

    /** Statements of one kind executed; a batch of 12 inserts counts 12. */
    public SqlReportAssert hasStatementCount(StatementKind kind, int expected) {
        isNotNull();
        int count = actual.statementCount(kind);
        if (count != expected) {
            failWithEvidence("Expected %d %s statement%s but %d ran", expected, kind, plural(expected), count);
        }
        return this;
    }

    /** All statements executed, of every kind, sequence calls included. */
    public SqlReportAssert hasStatementCount(int expected) {
        isNotNull();
        if (actual.statementCount() != expected) {
            failWithEvidence("Expected %d statement%s in all but %d ran", expected, plural(expected),
                    actual.statementCount());
        }
        return this;
    }

    /** No statement at all ran. */
    public SqlReportAssert hasNoStatements() {
        return hasStatementCount(0);
    }

    /** JDBC round trips: one per execute call, one per executeBatch. */
    public SqlReportAssert hasRoundTripCount(int expected) {
        isNotNull();
        if (actual.roundTrips() != expected) {
            failWithEvidence("Expected %d JDBC round trip%s but there were %d", expected, plural(expected),
                    actual.roundTrips());
        }
        return this;
    }

    public SqlReportAssert hasRoundTripCount(StatementKind kind, int expected) {
        isNotNull();
        if (actual.roundTrips(kind) != expected) {
            failWithEvidence("Expected %d %s round trip%s but there were %d", expected, kind, plural(expected),
                    actual.roundTrips(kind));
        }
        return this;
    }

    /** executeBatch calls. */
    public SqlReportAssert hasBatchCount(int expected) {
        isNotNull();
        if (actual.batches() != expected) {
            failWithEvidence("Expected %d JDBC batch%s but there were %d", expected, expected == 1 ? "" : "es",
                    actual.batches());
        }
        return this;
    }

    public SqlReportAssert hasBatchCount(StatementKind kind, int expected) {
        isNotNull();
        if (actual.batches(kind) != expected) {
            failWithEvidence("Expected %d %s batch%s but there were %d", expected, kind,
                    expected == 1 ? "" : "es", actual.batches(kind));
        }
        return this;
    }

    /**
     * No SELECT shape ran as N+1: no line of code read one shape with two or more different values
     * (see {@link ShapeSummary.Verdict} for the whole rule).
     */
    public SqlReportAssert hasNoNPlusOne() {
        isNotNull();
        if (actual.hasNPlusOne()) {
            failWithEvidence("Expected no N+1 but found: %s", headlines(actual.nPlusOne()));
        }
        return this;
    }

    /** Some SELECT shape ran as N+1 (for proving the pitfall). */
    public SqlReportAssert hasNPlusOne() {
        isNotNull();
        if (!actual.hasNPlusOne()) {
            failWithEvidence("Expected an N+1 pattern but found none");
        }
        return this;
    }

    /** No SELECT shape ran twice with the same parameters. */
    public SqlReportAssert hasNoDuplicateReads() {
        isNotNull();
        if (!actual.duplicateReads().isEmpty()) {
            failWithEvidence("Expected no duplicate reads but found: %s", headlines(actual.duplicateReads()));
        }
        return this;
    }

    /** A batch fetch ran in exactly {@code roundTrips} round trips for {@code keys} distinct keys. */
    public SqlReportAssert hasBatchFetch(int roundTrips, int keys) {
        isNotNull();
        boolean found = actual.batchFetches().stream()
                .anyMatch(s -> s.executions() == roundTrips && s.keys() == keys);
        if (!found) {
            failWithEvidence("Expected a batch fetch of %d keys in %d round trips but found: %s", keys, roundTrips,
                    headlines(actual.batchFetches()));
        }
        return this;
    }

    private void failWithEvidence(String message, Object... arguments) {
        failWithMessage(String.format(message, arguments).replace("%", "%%") + "%n%n" + actual.describe().replace("%", "%%"));
    }

    private static String headlines(List<ShapeSummary> shapes) {
        return shapes.isEmpty() ? "none" : shapes.stream().map(ShapeSummary::headline).collect(Collectors.joining("; "));
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }
}
