package dev.relmap.tour;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.catalog.StrategyRun;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every strategy of one pattern, run live at one or more sizes N: the numbers the tour prints and
 * charts. Nothing here is a constant; each count comes from the statement-counting kit.
 *
 * @param pattern what was measured
 * @param runsBySize for each N, ascending, one run per strategy in {@link MappingPattern#strategies()} order: at the
 *     table's N the run with the median wall time of several (see {@link #measure})
 */
public record PatternMeasurement(MappingPattern pattern, Map<Integer, List<StrategyRun>> runsBySize) {

    public PatternMeasurement {
        runsBySize = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runsBySize));
    }

    /** Runs of every strategy at the table's N before the timed ones, thrown away: the JVM's and Hibernate's first-use costs. */
    public static final int WARM_UP_ROUNDS = 1;

    /** Timed runs of every strategy at the table's N; the table shows the median one. */
    public static final int TIMED_ROUNDS = 5;

    /**
     * For each size in ascending order, opens the pattern's unit on a fresh schema, seeds N roots in
     * one transaction and runs every strategy through {@link StrategyRun#of}, the same call the
     * pattern's tests make: once at each size, except at {@code timedAt}, the N of the table.
     *
     * <p>At {@code timedAt} every strategy first runs once ({@link #WARM_UP_ROUNDS}), thrown away, then
     * {@value #TIMED_ROUNDS} times in rounds, each round starting one strategy later, and the run kept
     * is the one with the median wall time. A single run is at the mercy of JIT compilation, a garbage
     * collection or another process on the machine: timed once, two strategies sending the same single
     * SELECT printed 426.9 ms and 36.0 ms in one tour. The warm-up at N itself takes the first-use
     * costs out, the median a pause, and the rotation spreads a busy moment over every strategy. A
     * run that broke its strategy's promise in any round is kept instead of the median one, so no
     * round hides a broken promise.
     *
     * <p>Each size gets a unit of its own rather than emptied tables: Hibernate's
     * {@code truncateMappedObjects()} resets the sequences under the pooled id optimizer's feet,
     * and its constraint juggling on PostgreSQL and MariaDB left patterns with missing tables and
     * dangling rows. A fresh schema costs a second per size and leaves no doubt.
     *
     * @throws IllegalArgumentException if {@code timedAt} is not one of {@code sizes}
     */
    public static PatternMeasurement measure(MappingPattern pattern, DatabaseSettings settings, Collection<Integer> sizes,
            int timedAt) {
        if (!sizes.contains(timedAt)) {
            throw new IllegalArgumentException("The timed size N = " + timedAt + " is not one of the sizes " + sizes);
        }
        Map<Integer, List<StrategyRun>> runs = new LinkedHashMap<>();
        for (int n : new TreeSet<>(sizes)) {
            try (RelmapUnit unit = PatternUnits.recreateSchemaAndOpen(pattern, settings)) {
                seed(unit, pattern, n);
                runs.put(n, n == timedAt ? timed(unit, pattern.strategies(), n) : once(unit, pattern.strategies(), n));
            }
        }
        return new PatternMeasurement(pattern, runs);
    }

    private static List<StrategyRun> once(RelmapUnit unit, List<Strategy> strategies, int n) {
        return strategies.stream().map(strategy -> StrategyRun.of(unit, strategy, n)).toList();
    }

    /** The warm-up, the timed rounds in rotating order, and for each strategy the run to show. */
    private static List<StrategyRun> timed(RelmapUnit unit, List<Strategy> strategies, int n) {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            once(unit, strategies, n);
        }
        List<List<StrategyRun>> byStrategy = strategies.stream()
                .map(strategy -> (List<StrategyRun>) new ArrayList<StrategyRun>())
                .toList();
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            for (int i = 0; i < strategies.size(); i++) {
                int s = (round + i) % strategies.size();
                byStrategy.get(s).add(StrategyRun.of(unit, strategies.get(s), n));
            }
        }
        return byStrategy.stream().map(PatternMeasurement::shown).toList();
    }

    /** The first run that broke its promise, else the run with the median wall time. */
    private static StrategyRun shown(List<StrategyRun> runs) {
        return runs.stream()
                .filter(run -> !run.keepsItsPromise())
                .findFirst()
                .orElseGet(() -> runs.stream().sorted(Comparator.comparingLong(StrategyRun::nanos)).toList()
                        .get(runs.size() / 2));
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
