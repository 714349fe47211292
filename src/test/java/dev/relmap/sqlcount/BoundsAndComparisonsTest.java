package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Bounds on counts, for a budget in an application's tests, and one report compared with another. */
@DisplayName("The kit's bounds and comparisons")
class BoundsAndComparisonsTest {

    private static RelmapUnit unit;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @AfterEach
    void clean() {
        KitFixture.clear(unit);
    }

    @Nested
    @DisplayName("bounds")
    class Bounds {

        @Test
        @DisplayName("hold a lazy loop of 1 + 4 SELECTs within a budget of 5, and fail it at 4 with the evidence")
        void atMost() {
            SqlReport report = lazyLoop(4);

            // tag::budget[]
            assertThat(report).hasSelectCountAtMost(5).hasSelectCountBetween(1, 5);
            // end::budget[]
            assertThatThrownBy(() -> assertThat(report).hasSelectCountAtMost(4))
                    .hasMessageStartingWith("Expected at most 4 SELECT statements but 5 ran")
                    .hasMessageContaining("4× SELECT in 4 round trips, 4 different parameter sets: N+1")
                    .hasMessageContaining("first called from dev.relmap.sqlcount.BoundsAndComparisonsTest")
                    .hasMessageContaining("    5. SELECT");
        }

        @Test
        @DisplayName("fail a count below or above a range, saying which range")
        void between() {
            SqlReport report = lazyLoop(4);

            assertThatThrownBy(() -> assertThat(report).hasSelectCountBetween(6, 9))
                    .hasMessageStartingWith("Expected between 6 and 9 SELECT statements but 5 ran");
            assertThatThrownBy(() -> assertThat(report).hasStatementCountBetween(1, 4))
                    .hasMessageStartingWith("Expected between 1 and 4 statements in all but 5 ran");
            assertThatThrownBy(() -> assertThat(report).hasRoundTripCountAtMost(1))
                    .hasMessageStartingWith("Expected at most 1 JDBC round trip but there were 5");
        }

        @Test
        @DisplayName("bound writes, round trips and batches as the exact counts do: 30 inserts in 2 batches")
        void writes() {
            SqlReport report = SqlCount.record(() -> KitFixture.seed(unit, 30, 0));

            assertThat(report)
                    .hasInsertCountBetween(30, 30)
                    .hasInsertCountAtMost(30)
                    .hasUpdateCountAtMost(0)
                    .hasDeleteCountAtMost(0)
                    .hasSelectCountAtMost(0)
                    .hasOtherCountAtMost(0)
                    .hasSequenceCallCountAtMost(2)
                    .hasSequenceCallCountBetween(0, 2)
                    .hasStatementCountAtMost(StatementKind.INSERT, 30)
                    .hasBatchCountBetween(2, 2)
                    .hasBatchCountAtMost(StatementKind.INSERT, 2)
                    .hasRoundTripCountBetween(StatementKind.INSERT, 2, 2);
            assertThatThrownBy(() -> assertThat(report).hasBatchCountAtMost(1))
                    .hasMessageStartingWith("Expected at most 1 JDBC batch but there were 2");
            assertThatThrownBy(() -> assertThat(report).hasInsertCountBetween(31, 40))
                    .hasMessageStartingWith("Expected between 31 and 40 INSERT statements but 30 ran");
        }

        @Test
        @DisplayName("refuse a negative count or bound, or an empty range, naming it")
        void badBounds() {
            SqlReport report = SqlCount.record(() -> { });

            assertThatThrownBy(() -> assertThat(report).hasSelectCount(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A count of SELECT statements cannot be negative: expected -1");
            assertThatThrownBy(() -> assertThat(report).hasSelectCountBetween(3, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The range of SELECT statements is empty: min 3 is greater than max 2");
            assertThatThrownBy(() -> assertThat(report).hasBatchCountAtMost(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A count of JDBC batches cannot be negative: min 0, max -1");
        }
    }

    @Nested
    @DisplayName("comparisons")
    class Comparisons {

        @Test
        @DisplayName("pass JOIN FETCH at N = 3 and N = 30: its statements do not grow with N")
        void joinFetchDoesNotGrow() {
            // tag::same-counts[]
            SqlReport atThree = joinFetch(3);
            SqlReport atThirty = joinFetch(30);

            assertThat(atThree).hasSameCountsAs(atThirty);
            // end::same-counts[]
        }

        @Test
        @DisplayName("fail a lazy loop at N = 3 and N = 6, showing both breakdowns side by side")
        void lazyLoopGrows() {
            SqlReport atThree = lazyLoop(3);
            SqlReport atSix = lazyLoop(6);

            assertThatThrownBy(() -> assertThat(atThree).hasSameCountsAs(atSix))
                    .hasMessageStartingWith("Expected the same counts as the other report but "
                            + "SELECT statements (4 here, 7 there), SELECT round trips (4 here, 7 there), "
                            + "statements in all (4 here, 7 there), round trips in all (4 here, 7 there) differ")
                    .hasMessageContaining("""
                                                    this report  other report
                              SELECT statements               4             7  ≠
                              SELECT round trips              4             7  ≠
                              SELECT batches                  0             0
                              statements in all               4             7  ≠
                              round trips in all              4             7  ≠
                              batches in all                  0             0
                            """)
                    .hasMessageContaining("This report: 4 statements (4 SELECT) in 4 round trips, 0 batches")
                    .hasMessageContaining("The other report: 7 statements (7 SELECT) in 7 round trips, 0 batches")
                    .hasMessageContaining("6× SELECT in 6 round trips, 6 different parameter sets: N+1");
        }

        @Test
        @DisplayName("compare writes too: 2 inserts are not 1")
        void writesCount() {
            SqlReport batched = SqlCount.record(() -> KitFixture.seed(unit, 2, 0));
            SqlReport single = SqlCount.record(() -> KitFixture.seed(unit, 1, 0));

            assertThatThrownBy(() -> assertThat(batched).hasSameCountsAs(single))
                    .hasMessageContaining("INSERT statements (2 here, 1 there)");
            assertThatCode(() -> assertThat(batched).hasSameCountsAs(batched)).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("refuse to compare with no report")
        void nullReport() {
            SqlReport report = SqlCount.record(() -> { });

            assertThatThrownBy(() -> assertThat(report).hasSameCountsAs(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The report to compare with is null");
        }
    }

    private static SqlReport lazyLoop(int parents) {
        KitFixture.clear(unit);
        KitFixture.seed(unit, parents, 1);
        return record(em -> em.createQuery("from Parent", Parent.class).getResultList()
                .forEach(parent -> parent.getChildren().size()));
    }

    private static SqlReport joinFetch(int parents) {
        KitFixture.clear(unit);
        KitFixture.seed(unit, parents, 2);
        return record(em -> em.createQuery("""
                select distinct p
                from Parent p
                left join fetch p.children
                """, Parent.class).getResultList().forEach(parent -> parent.getChildren().size()));
    }

    private static SqlReport record(Consumer<EntityManager> work) {
        EntityManager em = unit.entityManagerFactory().createEntityManager();
        try {
            return SqlCount.record(() -> work.accept(em));
        } finally {
            em.close();
        }
    }
}
