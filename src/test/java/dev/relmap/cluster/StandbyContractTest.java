package dev.relmap.cluster;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.catalog.StrategyRun;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pattern contract ({@code dev.relmap.pattern.PatternContractTest}) on the hot standby: each
 * pattern is seeded through a unit on the primary, and once the standby has replayed the commit,
 * every strategy runs through a read-only unit on the standby and issues exactly the SELECTs, reads
 * exactly the rows and gets exactly the N+1 verdict its formulas promise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = StandbyNodes.UP, disabledReason = StandbyNodes.DOWN)
@DisplayName("Every pattern's strategies on the hot standby")
class StandbyContractTest {

    private static final List<Integer> SIZES = List.of(1, 10, 1000);

    private RelmapUnit primary;
    private RelmapUnit standby;
    private String seeded = "";

    @AfterAll
    void close() {
        closeUnits();
    }

    static Stream<Arguments> everyStrategyAtEveryN() {
        return MappingPattern.all().stream().flatMap(pattern -> SIZES.stream().flatMap(n -> pattern.strategies()
                .stream().map(strategy -> Arguments.of(pattern, n, strategy))));
    }

    @ParameterizedTest(name = "{0}, N = {1}: {2}")
    @MethodSource("everyStrategyAtEveryN")
    @DisplayName("keep their promised SELECTs, rows and N+1 verdict when read from the standby, and write nothing")
    void keepTheirPromiseOnTheStandby(MappingPattern pattern, int n, Strategy strategy) {
        seedOnPrimary(pattern, n);

        StrategyRun run = StrategyRun.of(standby, strategy, n);

        assertThat(run.report())
                .hasSelectCount(strategy.selects().at(n))
                .hasInsertCount(0)
                .hasUpdateCount(0)
                .hasDeleteCount(0)
                .hasSequenceCallCount(0);
        assertThat(run.rows()).as("rows read").isEqualTo(strategy.rows().at(n));
        assertThat(run.nPlusOneVerdictAgrees()).as("the kit's N+1 verdict").isTrue();
    }

    private void seedOnPrimary(MappingPattern pattern, int n) {
        String wanted = pattern.name() + "@" + n;
        if (wanted.equals(seeded)) {
            return;
        }
        closeUnits();
        primary = PatternUnits.recreateSchemaAndOpen(pattern, StandbyNodes.primary());
        primary.entityManagerFactory().runInTransaction(entityManager -> pattern.seed(entityManager, n));
        StandbyNodes.awaitReplayed();
        standby = PatternUnits.unit(pattern).openReadOnly(StandbyNodes.standby());
        seeded = wanted;
    }

    private void closeUnits() {
        if (standby != null) {
            standby.close();
            standby = null;
        }
        if (primary != null) {
            primary.close();
            primary = null;
        }
    }
}
