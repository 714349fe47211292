package dev.relmap.sqlcount.assertj;

import dev.relmap.sqlcount.ShapeSummary;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link SqlReport}. Every failure message carries the evidence: counts by kind,
 * every shape with its verdict, first parameter sets and call site, and the numbered statement log
 * (cut after 20 statements to the last 5, saying how many it left out).
 *
 * <p>Assert exact counts ({@link #hasSelectCount}) where you can: an exact count fails when a change
 * makes the code do less as well as more, so the test keeps telling the truth. Bounds
 * ({@link #hasSelectCountAtMost}, {@link #hasSelectCountBetween}) are for a budget in an
 * application's own tests, where the exact number is not the point and may move with a library
 * upgrade. {@link #hasSameCountsAs} asserts that a strategy's counts do not grow with N.
 */
public final class SqlReportAssert extends AbstractAssert<SqlReportAssert, SqlReport> {

    SqlReportAssert(SqlReport actual) {
        super(actual, SqlReportAssert.class);
    }

    /** Data SELECTs executed (sequence calls are counted apart, see {@link #hasSequenceCallCount}). */
    public SqlReportAssert hasSelectCount(int expected) {
        return hasStatementCount(StatementKind.SELECT, expected);
    }

    public SqlReportAssert hasSelectCountAtMost(int max) {
        return hasStatementCountAtMost(StatementKind.SELECT, max);
    }

    public SqlReportAssert hasSelectCountBetween(int min, int max) {
        return hasStatementCountBetween(StatementKind.SELECT, min, max);
    }

    public SqlReportAssert hasInsertCount(int expected) {
        return hasStatementCount(StatementKind.INSERT, expected);
    }

    public SqlReportAssert hasInsertCountAtMost(int max) {
        return hasStatementCountAtMost(StatementKind.INSERT, max);
    }

    public SqlReportAssert hasInsertCountBetween(int min, int max) {
        return hasStatementCountBetween(StatementKind.INSERT, min, max);
    }

    public SqlReportAssert hasUpdateCount(int expected) {
        return hasStatementCount(StatementKind.UPDATE, expected);
    }

    public SqlReportAssert hasUpdateCountAtMost(int max) {
        return hasStatementCountAtMost(StatementKind.UPDATE, max);
    }

    public SqlReportAssert hasUpdateCountBetween(int min, int max) {
        return hasStatementCountBetween(StatementKind.UPDATE, min, max);
    }

    public SqlReportAssert hasDeleteCount(int expected) {
        return hasStatementCount(StatementKind.DELETE, expected);
    }

    public SqlReportAssert hasDeleteCountAtMost(int max) {
        return hasStatementCountAtMost(StatementKind.DELETE, max);
    }

    public SqlReportAssert hasDeleteCountBetween(int min, int max) {
        return hasStatementCountBetween(StatementKind.DELETE, min, max);
    }

    public SqlReportAssert hasSequenceCallCount(int expected) {
        return hasStatementCount(StatementKind.SEQUENCE, expected);
    }

    public SqlReportAssert hasSequenceCallCountAtMost(int max) {
        return hasStatementCountAtMost(StatementKind.SEQUENCE, max);
    }

    public SqlReportAssert hasSequenceCallCountBetween(int min, int max) {
        return hasStatementCountBetween(StatementKind.SEQUENCE, min, max);
    }

    public SqlReportAssert hasOtherCount(int expected) {
        return hasStatementCount(StatementKind.OTHER, expected);
    }

    public SqlReportAssert hasOtherCountAtMost(int max) {
        return hasStatementCountAtMost(StatementKind.OTHER, max);
    }

    public SqlReportAssert hasOtherCountBetween(int min, int max) {
        return hasStatementCountBetween(StatementKind.OTHER, min, max);
    }

    /** Statements of one kind executed; a batch of 12 inserts counts 12. */
    public SqlReportAssert hasStatementCount(StatementKind kind, int expected) {
        return inRange(report -> report.statementCount(kind), expected, expected, kind + " statement", "%d ran");
    }

    public SqlReportAssert hasStatementCountAtMost(StatementKind kind, int max) {
        return inRange(report -> report.statementCount(kind), 0, max, kind + " statement", "%d ran");
    }

    public SqlReportAssert hasStatementCountBetween(StatementKind kind, int min, int max) {
        return inRange(report -> report.statementCount(kind), min, max, kind + " statement", "%d ran");
    }

    /** All statements executed, of every kind, sequence calls included. */
    public SqlReportAssert hasStatementCount(int expected) {
        return inRange(SqlReport::statementCount, expected, expected, "statement in all", "%d ran");
    }

    public SqlReportAssert hasStatementCountAtMost(int max) {
        return inRange(SqlReport::statementCount, 0, max, "statement in all", "%d ran");
    }

    public SqlReportAssert hasStatementCountBetween(int min, int max) {
        return inRange(SqlReport::statementCount, min, max, "statement in all", "%d ran");
    }

    /** No statement at all ran. */
    public SqlReportAssert hasNoStatements() {
        return hasStatementCount(0);
    }

    /** JDBC round trips: one per execute call, one per executeBatch. */
    public SqlReportAssert hasRoundTripCount(int expected) {
        return inRange(SqlReport::roundTrips, expected, expected, "JDBC round trip", "there were %d");
    }

    public SqlReportAssert hasRoundTripCountAtMost(int max) {
        return inRange(SqlReport::roundTrips, 0, max, "JDBC round trip", "there were %d");
    }

    public SqlReportAssert hasRoundTripCountBetween(int min, int max) {
        return inRange(SqlReport::roundTrips, min, max, "JDBC round trip", "there were %d");
    }

    public SqlReportAssert hasRoundTripCount(StatementKind kind, int expected) {
        return inRange(report -> report.roundTrips(kind), expected, expected, kind + " round trip",
                "there were %d");
    }

    public SqlReportAssert hasRoundTripCountAtMost(StatementKind kind, int max) {
        return inRange(report -> report.roundTrips(kind), 0, max, kind + " round trip", "there were %d");
    }

    public SqlReportAssert hasRoundTripCountBetween(StatementKind kind, int min, int max) {
        return inRange(report -> report.roundTrips(kind), min, max, kind + " round trip", "there were %d");
    }

    /** executeBatch calls. */
    public SqlReportAssert hasBatchCount(int expected) {
        return inRange(SqlReport::batches, expected, expected, "JDBC batch", "there were %d");
    }

    public SqlReportAssert hasBatchCountAtMost(int max) {
        return inRange(SqlReport::batches, 0, max, "JDBC batch", "there were %d");
    }

    public SqlReportAssert hasBatchCountBetween(int min, int max) {
        return inRange(SqlReport::batches, min, max, "JDBC batch", "there were %d");
    }

    public SqlReportAssert hasBatchCount(StatementKind kind, int expected) {
        return inRange(report -> report.batches(kind), expected, expected, kind + " batch", "there were %d");
    }

    public SqlReportAssert hasBatchCountAtMost(StatementKind kind, int max) {
        return inRange(report -> report.batches(kind), 0, max, kind + " batch", "there were %d");
    }

    public SqlReportAssert hasBatchCountBetween(StatementKind kind, int min, int max) {
        return inRange(report -> report.batches(kind), min, max, kind + " batch", "there were %d");
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

    /**
     * A batch fetch ran in exactly {@code roundTrips} round trips for {@code keys} distinct keys.
     * {@code hasBatchFetch(1, 3)} holds for one {@code in (?, ?, ?)} read of 3 keys: a batch that
     * fits in one round trip (see {@link ShapeSummary.Verdict#BATCH_FETCH}).
     */
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

    /**
     * The same statements, round trips and batches of each kind as {@code other}, and the same
     * totals. Record one strategy at two sizes and {@code assertThat(atTen).hasSameCountsAs(atHundred)}
     * proves its statements do not grow with N ("1 vs N") without naming a number. The failure
     * shows both breakdowns side by side, marking what differs, then the evidence of both reports.
     */
    public SqlReportAssert hasSameCountsAs(SqlReport other) {
        if (other == null) {
            throw new IllegalArgumentException("The report to compare with is null");
        }
        isNotNull();
        List<String[]> rows = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        for (StatementKind kind : StatementKind.values()) {
            if (actual.statementCount(kind) + other.statementCount(kind) > 0) {
                compare(kind + " statements", actual.statementCount(kind), other.statementCount(kind), rows, differences);
                compare(kind + " round trips", actual.roundTrips(kind), other.roundTrips(kind), rows, differences);
                compare(kind + " batches", actual.batches(kind), other.batches(kind), rows, differences);
            }
        }
        compare("statements in all", actual.statementCount(), other.statementCount(), rows, differences);
        compare("round trips in all", actual.roundTrips(), other.roundTrips(), rows, differences);
        compare("batches in all", actual.batches(), other.batches(), rows, differences);
        if (!differences.isEmpty()) {
            StringBuilder text = new StringBuilder("Expected the same counts as the other report but ")
                    .append(String.join(", ", differences)).append(" differ\n\n")
                    .append(String.format("  %-20s %12s %13s%n", "", "this report", "other report"));
            rows.forEach(row -> text.append(String.format("  %-20s %12s %13s%s%n", (Object[]) row)));
            text.append("\nThis report: ").append(actual.describe())
                    .append("\nThe other report: ").append(other.describe());
            failWithMessage(text.toString().replace("%", "%%"));
        }
        return this;
    }

    private static void compare(String what, int here, int there, List<String[]> rows, List<String> differences) {
        boolean differs = here != there;
        rows.add(new String[] {what, Integer.toString(here), Integer.toString(there), differs ? "  ≠" : ""});
        if (differs) {
            differences.add(what + " (" + here + " here, " + there + " there)");
        }
    }

    /**
     * Fails with the evidence unless {@code min <= count <= max}. The message reads "Expected 1
     * SELECT statement but 5 ran", "Expected at most 3 …" or "Expected between 2 and 4 …".
     */
    private SqlReportAssert inRange(ToIntFunction<SqlReport> counter, int min, int max, String noun, String outcome) {
        if (min < 0 || max < 0) {
            throw new IllegalArgumentException("A count of " + plural(2, noun) + " cannot be negative: "
                    + (min == max ? "expected " + min : "min " + min + ", max " + max));
        }
        if (min > max) {
            throw new IllegalArgumentException("The range of " + plural(2, noun) + " is empty: min " + min
                    + " is greater than max " + max);
        }
        isNotNull();
        int count = counter.applyAsInt(actual);
        if (count < min || count > max) {
            String expected = min == max ? Integer.toString(min)
                    : min == 0 ? "at most " + max
                    : "between " + min + " and " + max;
            failWithEvidence("Expected " + expected + " " + plural(max, noun) + " but " + outcome, count);
        }
        return this;
    }

    private void failWithEvidence(String message, Object... arguments) {
        failWithMessage(String.format(message, arguments).replace("%", "%%") + "%n%n" + actual.describe().replace("%", "%%"));
    }

    private static String headlines(List<ShapeSummary> shapes) {
        return shapes.isEmpty() ? "none" : shapes.stream().map(ShapeSummary::headline).collect(Collectors.joining("; "));
    }

    /** "statement in all" → "statements in all", "JDBC batch" → "JDBC batches". */
    private static String plural(int count, String noun) {
        if (count == 1) {
            return noun;
        }
        String[] words = noun.split(" in all", -1);
        String head = words[0];
        return head + (head.endsWith("h") ? "es" : "s") + (words.length > 1 ? " in all" : "");
    }
}
