package dev.relmap.pattern;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.catalog.StrategyRun;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every pattern on the class path keeps, checked the way the tour runs it: each
 * strategy issues exactly the data SELECTs and reads exactly the rows its formulas promise at
 * N = 1, 10 and 1000, writes nothing, and is called N+1 by the kit exactly when
 * {@link Strategy.NPlusOne#flaggedAt} says so. A new pattern is checked here as soon as its service
 * line exists; it needs no strategies test of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Every pattern's strategies")
class PatternContractTest {

    private static final List<Integer> SIZES = List.of(1, 10, 1000);

    private final DatabaseSettings settings = DatabaseSettings.current();
    private RelmapUnit unit;
    private String seeded = "";

    @AfterAll
    void close() {
        if (unit != null) {
            unit.close();
        }
    }

    static Stream<MappingPattern> patterns() {
        return MappingPattern.all().stream();
    }

    /** Grouped by pattern, then by N, so each pattern is seeded once per size. */
    static Stream<Arguments> everyStrategyAtEveryN() {
        return patterns().flatMap(pattern -> SIZES.stream().flatMap(n -> pattern.strategies().stream()
                .map(strategy -> Arguments.of(pattern, n, strategy))));
    }

    @ParameterizedTest(name = "{0}, N = {1}: {2}")
    @MethodSource("everyStrategyAtEveryN")
    @DisplayName("keep their promised SELECTs, rows and N+1 verdict, go through the method they name, and write nothing")
    void keepTheirPromise(MappingPattern pattern, int n, Strategy strategy) {
        seed(pattern, n);

        StrategyRun run = StrategyRun.of(unit, strategy, n);

        assertThat(run.report())
                .hasSelectCount(strategy.selects().at(n))
                .hasInsertCount(0)
                .hasUpdateCount(0)
                .hasDeleteCount(0)
                .hasSequenceCallCount(0);
        if (strategy.nPlusOne().flaggedAt(n)) {
            assertThat(run.report()).hasNPlusOne();
        } else {
            assertThat(run.report()).hasNoNPlusOne();
        }
        assertThat(run.rows()).as("rows read").isEqualTo(strategy.rows().at(n));
        assertThat(run.method()).as("the repository method it declares, which the docs name")
                .isNotNull()
                .isEqualTo(strategy.method());
        assertThat(run.keepsItsPromise()).as("the tour's verdict").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    @DisplayName("start with the lazy N+1 baseline, cure it, and are named in one casing")
    void startWithTheBaselineAndCureIt(MappingPattern pattern) {
        List<Strategy> strategies = pattern.strategies();

        assertThat(strategies).extracting(Strategy::name).doesNotHaveDuplicates();
        assertThat(strategies.get(0).name()).isEqualTo("lazy (N+1)");
        assertThat(strategies.get(0).isNPlusOne()).isTrue();
        assertThat(strategies).as("a strategy in one SELECT at any N")
                .anyMatch(strategy -> SIZES.stream().allMatch(n -> strategy.selects().at(n) == 1));
        // Lower case, except words that are SQL or N+1 themselves: "JOIN FETCH", "page: ids, then fetch".
        assertThat(strategies).extracting(Strategy::name)
                .allMatch(name -> name.split(" ")[0].equals(name.split(" ")[0].toLowerCase())
                        || name.split(" ")[0].equals(name.split(" ")[0].toUpperCase()), "lower case or an SQL keyword");
    }

    private void seed(MappingPattern pattern, int n) {
        String wanted = pattern.name() + "@" + n;
        if (wanted.equals(seeded)) {
            return;
        }
        if (unit != null) {
            unit.close();
        }
        // A fresh schema per size, as the tour does: emptying tables would reset sequences under
        // the pooled optimizer's feet.
        unit = PatternUnits.recreateSchemaAndOpen(pattern, settings);
        unit.entityManagerFactory().runInTransaction(entityManager -> pattern.seed(entityManager, n));
        seeded = wanted;
    }
}
