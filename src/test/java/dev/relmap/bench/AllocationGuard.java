package dev.relmap.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The guard on the recommended read's allocation: the bytes one-to-many's JOIN FETCH allocates per
 * read at N = 1 000 on the raw pool, against a budget per database. Time is too noisy on a shared
 * machine to guard (the same read moved 1–46 % between runs); bytes allocated are not (JMH's GC
 * profiler gave the same figure to 1 % in every run), so a mapping, a listener or a bootstrap
 * change that makes Hibernate build more per entity shows up here, named, in the run that made it.
 *
 * <p>Each budget is the allocation measured at this version plus {@value #MARGIN_PERCENT} %, so
 * {@code book_count} and {@code @Version} on {@code Author} (up to 4 % more) fit, and neither a
 * 20 % regression nor the natural ids coming back (13–16 % more, as 0.2.0 measured) does. A change
 * that allocates more on purpose moves the budget, and says why, in the same commit.
 */
final class AllocationGuard {

    static final String PATTERN = "one-to-many";
    static final String STRATEGY = "JOIN FETCH";
    static final int N = 1000;
    static final int MARGIN_PERCENT = 10;

    /** The benchmarks' exit code when the read allocates over its budget, after the report is written. */
    static final int OVER_BUDGET_EXIT = 3;

    /**
     * Bytes per read, per database, as JMH's GC profiler measured them when the budget was set
     * ({@code -Dbench.only=one-to-many -Dbench.n=1000}, Hibernate 7.4.13, H2 2.5.252, pgjdbc 42.7.14,
     * MariaDB Connector/J 3.5.11). A driver upgrade can move them too.
     */
    static final Map<String, Double> MEASURED = Map.of(
            "h2", 3_281_798.0,
            "postgresql", 4_036_983.0,
            "mariadb", 3_235_819.0);

    /** What the guard found. */
    record Verdict(boolean overBudget, String note) {
    }

    private AllocationGuard() {
    }

    /**
     * The verdict on {@code measured}, or empty when the run did not measure the guarded read at
     * N = 1 000 on the raw pool (a smoke run, another pattern, other sizes).
     */
    static Optional<Verdict> check(String database, List<Measured> measured) {
        Optional<Measured> read = measured.stream()
                .filter(m -> m.group().equals("reads of " + PATTERN) && m.subject().equals(STRATEGY)
                        && m.pool().equals("raw pool") && m.n() == N && !Double.isNaN(m.bytes()))
                .findFirst();
        if (read.isEmpty()) {
            return Optional.empty();
        }
        double bytes = read.get().bytes();
        String what = String.format(Locale.ROOT, "%s's %s at N = %d allocated %s a read", PATTERN, STRATEGY, N,
                megabytes(bytes));
        Double base = MEASURED.get(database);
        if (base == null) {
            return Optional.of(new Verdict(false, "Allocation guard: " + what + "; no budget for " + database + "."));
        }
        double budget = base * (100 + MARGIN_PERCENT) / 100;
        if (bytes > budget) {
            return Optional.of(new Verdict(true, String.format(Locale.ROOT,
                    "ALLOCATION OVER BUDGET: %s, over its budget of %s on %s (%s measured when the budget was set,"
                            + " + %d %%): find what Hibernate now builds per entity (AllocationGuard).",
                    what, megabytes(budget), database, megabytes(base), MARGIN_PERCENT)));
        }
        return Optional.of(new Verdict(false, String.format(Locale.ROOT,
                "Allocation guard: %s, within its budget of %s on %s.", what, megabytes(budget), database)));
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1024 / 1024);
    }
}
