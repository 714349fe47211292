package dev.relmap.tour;

import dev.relmap.catalog.PatternUnits;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.catalog.StrategyRun;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every strategy of one pattern, run live at one or more sizes N: the numbers the tour prints and
 * charts. Nothing here is a constant; each count comes from the statement-counting kit.
 *
 * @param pattern what was measured
 * @param runsBySize for each N, ascending, one run per strategy in {@link MappingPattern#strategies()} order
 */
public record PatternMeasurement(MappingPattern pattern, Map<Integer, List<StrategyRun>> runsBySize) {

    public PatternMeasurement {
        runsBySize = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runsBySize));
    }

    /**
     * For each size in ascending order, opens the pattern's unit on a fresh schema, seeds N roots in
     * one transaction and runs every strategy through {@link StrategyRun#of}, the same call the
     * pattern's tests make. Before the first size each strategy runs once and that run is thrown
     * away, so the timings are not the JVM's and Hibernate's first-use costs (one run is not a
     * full warm-up: the milliseconds remain indicative).
     *
     * <p>Each size gets a unit of its own rather than emptied tables: Hibernate's
     * {@code truncateMappedObjects()} resets the sequences under the pooled id optimizer's feet,
     * and its constraint juggling on PostgreSQL and MariaDB left patterns with missing tables and
     * dangling rows. A fresh schema costs a second per size and leaves no doubt.
     */
    public static PatternMeasurement measure(MappingPattern pattern, DatabaseSettings settings, Collection<Integer> sizes) {
        Map<Integer, List<StrategyRun>> runs = new LinkedHashMap<>();
        boolean warm = false;
        for (int n : new TreeSet<>(sizes)) {
            try (RelmapUnit unit = PatternUnits.recreateSchemaAndOpen(pattern, settings)) {
                seed(unit, pattern, n);
                if (!warm) {
                    pattern.strategies().forEach(strategy -> StrategyRun.of(unit, strategy, n));
                    warm = true;
                }
                List<StrategyRun> atSize = new ArrayList<>();
                for (Strategy strategy : pattern.strategies()) {
                    atSize.add(StrategyRun.of(unit, strategy, n));
                }
                runs.put(n, List.copyOf(atSize));
            }
        }
        return new PatternMeasurement(pattern, runs);
    }

    /** Seeds N roots in one committed transaction. */
    private static void seed(RelmapUnit unit, MappingPattern pattern, int n) {
        unit.entityManagerFactory().runInTransaction(entityManager -> pattern.seed(entityManager, n));
    }

    /** The runs at size {@code n}, one per strategy. */
    public List<StrategyRun> runsAt(int n) {
        List<StrategyRun> runs = runsBySize.get(n);
        if (runs == null) {
            throw new IllegalArgumentException(
                    "Pattern " + pattern.name() + " was not measured at N = " + n + ", only at " + sizes());
        }
        return runs;
    }

    public List<Integer> sizes() {
        return List.copyOf(runsBySize.keySet());
    }

    /** The runs, at any size, whose SELECT count or N+1 verdict is not what the strategy promises. */
    public List<StrategyRun> brokenPromises() {
        return runsBySize.values().stream()
                .flatMap(List::stream)
                .filter(run -> !run.keepsItsPromise())
                .toList();
    }
}
