package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.pattern.Pattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.StrategyRun;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy of the pattern, run the way the tour runs it, keeps the SELECT count its formula
 * promises at N = 1, 10 and 1000: the README table and the tour print these same formulas.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyStrategiesTest {

    private static final Pattern PATTERN = new OneToManyPattern();
    private static final int M = Bookshelf.BOOKS_PER_AUTHOR;

    private Library library;

    @BeforeAll
    void open() {
        library = Library.open();
    }

    @AfterAll
    void close() {
        library.close();
    }

    /** Grouped by N, so the data is seeded three times, not once per strategy. */
    Stream<Arguments> everyStrategyAtEveryN() {
        return IntStream.of(1, 10, 1000).boxed()
                .flatMap(n -> PATTERN.strategies().stream().map(strategy -> Arguments.of(strategy, n)));
    }

    @ParameterizedTest(name = "{0} at N = {1}")
    @MethodSource("everyStrategyAtEveryN")
    @DisplayName("each strategy issues exactly the SELECTs its formula promises")
    void keepsItsPromise(Strategy strategy, int n) {
        library.seed(n);

        StrategyRun run = StrategyRun.of(library.unit(), strategy, n);

        assertThat(run.report())
                .hasSelectCount(strategy.selects().at(n))
                .hasInsertCount(0)
                .hasUpdateCount(0)
                .hasDeleteCount(0)
                .hasSequenceCallCount(0);
        // One lazy load is not yet a pattern: the kit needs two executions of a shape to call it N+1.
        assertThat(run.report().hasNPlusOne()).as("flagged as N+1").isEqualTo(strategy.nPlusOne() && n > 1);
        assertThat(run.rows()).as("rows read").isEqualTo(expectedRows(strategy, n));
    }

    @Test
    void theStrategiesHaveDistinctNamesInTheTourOrder() {
        assertThat(PATTERN.strategies()).extracting(Strategy::name).doesNotHaveDuplicates()
                .startsWith("lazy (N+1)", "JOIN FETCH");
    }

    private static int expectedRows(Strategy strategy, int n) {
        if (strategy.name().startsWith("page")) {
            return Math.min(n, OneToManyPattern.PAGE_SIZE) * M;
        }
        if (strategy.name().startsWith("book counts")) {
            return n;
        }
        return n * M;
    }
}
