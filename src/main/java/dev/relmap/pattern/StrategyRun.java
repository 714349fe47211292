package dev.relmap.pattern;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.Recording;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.EntityManager;

/**
 * The one way a strategy is run, by the tour and by the tests alike: in a fresh EntityManager and
 * a read-only transaction that is rolled back, recorded by the statement-counting kit.
 *
 * @param strategy what ran
 * @param n the size of the seed data
 * @param rows the rows the strategy returned
 * @param report the statements it issued
 * @param nanos wall time of the strategy, statements and object building included
 */
public record StrategyRun(Strategy strategy, int n, int rows, SqlReport report, long nanos) {

    /** Runs {@code strategy} on {@code unit}, whose data was seeded with N roots. */
    public static StrategyRun of(RelmapUnit unit, Strategy strategy, int n) {
        EntityManager entityManager = unit.entityManagerFactory().createEntityManager();
        try {
            entityManager.getTransaction().begin();
            long start = System.nanoTime();
            int rows;
            SqlReport report;
            try (Recording recording = SqlCount.start(unit.entityManagerFactory())) {
                rows = strategy.run().applyAsInt(entityManager);
                report = recording.stop();
            }
            long nanos = System.nanoTime() - start;
            return new StrategyRun(strategy, n, rows, report, nanos);
        } finally {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
            entityManager.close();
        }
    }

    /** Whether the data SELECTs match the strategy's formula at N and the N+1 verdict agrees. */
    public boolean keepsItsPromise() {
        return report.selects() == strategy.selects().at(n) && nPlusOneVerdictAgrees();
    }

    /**
     * Whether the kit's N+1 verdict agrees with the strategy: one that is not N+1 is never flagged,
     * one that is N+1 is flagged from N = 2 on. At N = 1 the verdict depends on the data, so either
     * is accepted: one author's lazy books are a single extra SELECT, not a repeated shape, while one
     * book's lazy authors, loaded one by one, are.
     */
    public boolean nPlusOneVerdictAgrees() {
        if (!strategy.nPlusOne()) {
            return !report.hasNPlusOne();
        }
        return n < 2 || report.hasNPlusOne();
    }
}
