package dev.relmap.manytomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.pattern.Pattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.StrategyRun;
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
 * Every loading strategy of the many-to-many pattern keeps the SELECT count it declares, at
 * N = 1, 10 and 1000 books (3 authors each, N + 2 authors in all). The tour and the README table
 * read the same declarations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyToManyStrategiesTest {

    private final Pattern pattern = new ManyToManyPattern();
    private RelmapUnit unit;
    private Catalogue catalogue;
    private int seeded = -1;

    @BeforeAll
    void open() {
        unit = pattern.open();
        catalogue = new Catalogue(unit);
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @Test
    void isRegisteredForTheTour() {
        assertThat(Pattern.all()).anyMatch(p -> p instanceof ManyToManyPattern);
    }

    /**
     * Grouped by N, so the data is seeded once per size. The lazy baseline's 1 + N + (N + 2) is 1
     * for the books, N for their link collections and N + 2 for the distinct authors: neighbouring
     * books share authors and the persistence context serves a loaded author again for free. With
     * one author per link (no sharing) it would be the textbook 1 + N + N·K.
     */
    Stream<Arguments> strategiesAndSizes() {
        return Stream.of(1, 10, 1000).flatMap(n -> pattern.strategies().stream()
                .map(strategy -> Arguments.of(n, strategy.name(), strategy)));
    }

    @DisplayName("a strategy issues the data SELECTs its formula promises")
    @ParameterizedTest(name = "N = {0}: {1}")
    @MethodSource("strategiesAndSizes")
    void keepsItsPromise(int n, String name, Strategy strategy) {
        seed(n);

        StrategyRun run = StrategyRun.of(unit, strategy, n);

        assertThat(run.report())
                .hasSelectCount(strategy.selects().at(n))
                .hasInsertCount(0)
                .hasUpdateCount(0)
                .hasDeleteCount(0);
        if (strategy.nPlusOne()) {
            assertThat(run.report()).hasNPlusOne();
        } else {
            assertThat(run.report()).hasNoNPlusOne();
        }
        assertThat(run.rows()).isEqualTo(n * ManyToManyPattern.AUTHORS_PER_BOOK);
        assertThat(run.keepsItsPromise()).isTrue();
    }

    private void seed(int n) {
        if (seeded == n) {
            return;
        }
        catalogue.clear();
        catalogue.inTransaction(entityManager -> pattern.seed(entityManager, n));
        seeded = n;
    }
}
