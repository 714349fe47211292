package dev.relmap.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What a run keeps beside its counts: the repository method behind it and the JPQL it wrote. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrategyRunTest {

    private final OneToManyPattern pattern = new OneToManyPattern();
    private RelmapUnit unit;

    @BeforeAll
    void seed() {
        unit = PatternUnits.unit(pattern).named("strategy-run").recreateSchemaAndOpen(DatabaseSettings.current());
        unit.entityManagerFactory().runInTransaction(entityManager -> pattern.seed(entityManager, 2));
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @Test
    void namesTheRepositoryMethodAndTheJpqlItWrote() {
        StrategyRun run = StrategyRun.of(unit, pattern.strategy("JOIN FETCH"), 2);

        assertThat(run.method()).isEqualTo("AuthorRepository.findAllWithBooks");
        assertThat(run.queries()).singleElement().asString()
                .containsIgnoringWhitespaces("select a from Author a left join fetch a.books order by a.id");
        assertThat(run.report().selects()).isEqualTo(1);
    }

    @Test
    void namesThePublicMethodNotTheOneItDelegatesTo() {
        StrategyRun run = StrategyRun.of(unit, pattern.strategy("batch fetch (10)"), 2);

        assertThat(run.method()).isEqualTo("AuthorRepository.findAllThenBatchFetchBooks");
    }

    @Test
    void keepsEachQueryOnceHoweverOftenItRan() {
        StrategyRun run = StrategyRun.of(unit, pattern.strategy("page: ids, then fetch"), 2);

        assertThat(run.queries()).hasSize(2).doesNotHaveDuplicates();
    }
}
