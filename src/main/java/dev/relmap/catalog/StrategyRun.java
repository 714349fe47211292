package dev.relmap.catalog;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.pattern.Strategy;
import dev.relmap.sqlcount.Recording;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The one way a strategy is run, by the tour and by the tests alike: in a fresh EntityManager and
 * a transaction that is rolled back afterwards, recorded by the statement-counting kit.
 *
 * @param strategy what ran
 * @param n the size of the seed data
 * @param rows the rows the strategy returned
 * @param report the statements it issued
 * @param nanos wall time of the strategy, statements and object building included
 * @param method the method behind the strategy, {@code AuthorRepository.findAllWithBooks}: the
 *     outermost frame of the pattern's own code when it first used the EntityManager; null if it never did
 * @param queries the JPQL (or HQL, or native SQL) its repository method handed to the EntityManager,
 *     each once, in order
 */
public record StrategyRun(Strategy strategy, int n, int rows, SqlReport report, long nanos, String method,
        List<String> queries) {

    public StrategyRun {
        queries = List.copyOf(queries);
    }

    /** Runs {@code strategy} on {@code unit}, whose data was seeded with N roots. */
    public static StrategyRun of(RelmapUnit unit, Strategy strategy, int n) {
        return unit.callInRolledBackTransaction(entityManager -> {
            QueryCapture capture = new QueryCapture();
            EntityManager watched = capture.watch(entityManager);
            long start = System.nanoTime();
            try (Recording recording = SqlCount.start(unit.entityManagerFactory())) {
                int rows = strategy.run().applyAsInt(watched);
                SqlReport report = recording.stop();
                return new StrategyRun(strategy, n, rows, report, System.nanoTime() - start,
                        capture.method().orElse(null), capture.queries());
            }
        });
    }


    /**
     * Whether the run kept every promise of its strategy at N: the data SELECTs and the rows its
     * formulas give, and the kit's N+1 verdict that {@link Strategy.NPlusOne#flaggedAt} gives.
     */
    public boolean keepsItsPromise() {
        return report.selects() == strategy.selects().at(n)
                && rows == strategy.rows().at(n)
                && nPlusOneVerdictAgrees();
    }

    /** Whether the kit flagged this run as N+1 exactly when the strategy says it is at N. */
    public boolean nPlusOneVerdictAgrees() {
        return report.hasNPlusOne() == strategy.nPlusOne().flaggedAt(n);
    }
}
