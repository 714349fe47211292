package dev.relmap.enrollment;

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
 * Every loading strategy of the enrollment pattern keeps the SELECT count it declares, at N = 1,
 * 10 and 1000 students (N + ⌈N/2⌉ enrollments on 2 courses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentStrategiesTest {

    private final Pattern pattern = new EnrollmentPattern();
    private RelmapUnit unit;
    private Campus campus;
    private int seeded = -1;

    @BeforeAll
    void open() {
        unit = pattern.open();
        campus = new Campus(unit);
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @Test
    void isRegisteredForTheTour() {
        assertThat(Pattern.all()).anyMatch(p -> p instanceof EnrollmentPattern);
    }

    /**
     * Grouped by N, so the data is seeded once per size. The lazy baseline's 1 + N + 2 is 1 for
     * the students, N for their enrollment collections and 2 for the courses they take: the
     * persistence context serves a loaded course again for free.
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
        assertThat(run.rows()).isEqualTo(n + (n + 1) / 2);
        assertThat(run.keepsItsPromise()).isTrue();
    }

    private void seed(int n) {
        if (seeded == n) {
            return;
        }
        campus.clear();
        campus.seed(n);
        seeded = n;
    }
}
