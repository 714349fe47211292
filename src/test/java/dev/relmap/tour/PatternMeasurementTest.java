package dev.relmap.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.catalog.StrategyRun;
import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How the tour times a strategy: a warm-up run at the table's N, then several runs in rotating
 * order, and the median one shown. The strategies here send no SQL; they sleep or return what the
 * test tells them to, call by call, so the run the table shows is known in advance.
 */
@DisplayName("A pattern's measurement")
class PatternMeasurementTest {

    private static final int N = 5;

    private final DatabaseSettings settings = DatabaseSettings.current();
    private final List<String> calls = new ArrayList<>();

    @Test
    @DisplayName("shows, at the table's N, the run with the median wall time of five, after one warm-up run")
    void showsTheMedianRunAfterAWarmUp() {
        // The warm-up, then five timed runs; the median of 0, 600, 10, 30 and 20 ms is 20 ms, their mean 132 ms.
        long[] sleeps = {600, 0, 600, 10, 30, 20};
        MappingPattern pattern = pattern(strategy("Sleeps", call -> {
            sleep(sleeps[call]);
            return 0;
        }));

        StrategyRun shown = PatternMeasurement.measure(pattern, settings, List.of(N), N).runsAt(N).get(0);

        assertThat(calls).hasSize(1 + 5);
        assertThat(shown.nanos()).isBetween(TimeUnit.MILLISECONDS.toNanos(20), TimeUnit.MILLISECONDS.toNanos(120));
    }

    @Test
    @DisplayName("runs every strategy once at the other sizes, untimed")
    void runsOnceAtTheOtherSizes() {
        MappingPattern pattern = pattern(strategy("A", call -> 0));

        PatternMeasurement measurement = PatternMeasurement.measure(pattern, settings, List.of(1, N), N);

        assertThat(calls).hasSize(1 + 1 + 5);
        assertThat(measurement.sizes()).containsExactly(1, N);
    }

    @Test
    @DisplayName("takes turns: each timed round starts one strategy later")
    void rotatesTheOrder() {
        MappingPattern pattern = pattern(strategy("A", call -> 0), strategy("B", call -> 0), strategy("C", call -> 0));

        PatternMeasurement.measure(pattern, settings, List.of(N), N);

        assertThat(calls).containsExactly(
                "A", "B", "C",
                "A", "B", "C",
                "B", "C", "A",
                "C", "A", "B",
                "A", "B", "C",
                "B", "C", "A");
    }

    @Test
    @DisplayName("shows the run that broke its promise, in whichever round it did")
    void showsABrokenPromiseFromAnyRound() {
        // Promises 0 rows; the fourth call, the third timed run, reads one.
        MappingPattern pattern = pattern(strategy("Drifts", call -> call == 3 ? 1 : 0));

        PatternMeasurement measurement = PatternMeasurement.measure(pattern, settings, List.of(N), N);

        assertThat(measurement.runsAt(N).get(0).rows()).isEqualTo(1);
        assertThat(measurement.brokenPromises()).singleElement()
                .satisfies(run -> assertThat(run.strategy().name()).isEqualTo("Drifts"));
    }

    @Test
    @DisplayName("refuses a timed N that is not one of the sizes, naming both")
    void timedSizeMustBeMeasured() {
        MappingPattern pattern = pattern(strategy("A", call -> 0));

        assertThatThrownBy(() -> PatternMeasurement.measure(pattern, settings, List.of(1, 10), 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The timed size N = 100 is not one of the sizes [1, 10]");
        assertThat(calls).isEmpty();
    }

    /** A strategy that sends nothing, promises no SELECT and no row, logs its name and returns {@code rows} of its call number. */
    private Strategy strategy(String name, IntUnaryOperator rows) {
        int[] call = {0};
        return new Strategy(name, "Sends nothing.", CountFormula.constant(0), CountFormula.constant(0),
                Strategy.NPlusOne.NEVER, entityManager -> {
                    calls.add(name);
                    return rows.applyAsInt(call[0]++);
                });
    }

    /** The tour's test pattern, for its shelves and schema, with these strategies. */
    private static MappingPattern pattern(Strategy... strategies) {
        return new TourTestPattern() {
            @Override
            public List<Strategy> strategies() {
                return List.of(strategies);
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sleeping", e);
        }
    }
}
