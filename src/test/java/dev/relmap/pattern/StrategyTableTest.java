package dev.relmap.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The strategies table of the docs")
class StrategyTableTest {

    private static final CountFormula ROWS = CountFormula.of("N", n -> n);

    @Test
    @DisplayName("has one row per strategy, in order: name, repository method, formula, N+1 yes/no, description")
    void rendersEveryStrategy() {
        MappingPattern pattern = pattern(
                new Strategy("Lazy", "Loads authors, then books per author on first touch.",
                        CountFormula.of("1 + N", n -> 1 + n), ROWS, Strategy.NPlusOne.FROM_TWO_ROOTS, em -> 0),
                new Strategy("JOIN FETCH", "One query joins authors to books; Hibernate de-duplicates the roots.",
                        CountFormula.constant(1), ROWS, Strategy.NPlusOne.NEVER, em -> 0)
                        .by("AuthorRepository.findAllWithBooks"));

        String table = StrategyTable.markdown(pattern);

        assertThat(table).isEqualTo("""
                | Strategy | Method | SELECTs | N+1 | What it does |
                |---|---|---|---|---|
                | Lazy |  | 1 + N | yes | Loads authors, then books per author on first touch. |
                | JOIN FETCH | `AuthorRepository.findAllWithBooks` | 1 | no | One query joins authors to books; Hibernate de-duplicates the roots. |
                """);
    }

    @Test
    @DisplayName("escapes a pipe inside a cell, so it does not split the row")
    void escapesPipes() {
        MappingPattern pattern = pattern(new Strategy("Projection", "Reads title | author as a record.",
                CountFormula.constant(1), ROWS, Strategy.NPlusOne.NEVER, em -> 0));

        String table = StrategyTable.markdown(pattern);

        assertThat(table).endsWith("| Projection |  | 1 | no | Reads title \\| author as a record. |\n");
    }

    private static MappingPattern pattern(Strategy... strategies) {
        return new MappingPattern() {
            @Override
            public String name() {
                return "sample";
            }

            @Override
            public String title() {
                return "Sample";
            }

            @Override
            public List<Class<?>> entityClasses() {
                return List.of();
            }

            @Override
            public void seed(EntityManager entityManager, int n) {
            }

            @Override
            public List<Strategy> strategies() {
                return List.of(strategies);
            }
        };
    }
}
