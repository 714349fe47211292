package dev.relmap.selfreferencing;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.relmap.sqlcount.SqlCount;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A tree of 10,000 categories, 12 levels below the root (3 top-level categories, 2 subcategories
 * under every other): the recursive CTE stays 1 statement where the walk issues 10,001. Both are
 * timed in the same run and the ratio printed; only the counts are asserted, since times vary.
 */
class CategoryScaleTest {

    private static final int NODES = 10_000;

    @Test
    @DisplayName("a tree of 10,000 categories and depth 12 loads in 1 statement by the CTE and 10,001 by the walk")
    void theCteStaysOneStatementAtTenThousandCategories() {
        try (CategoryFixture fixture = CategoryFixture.openSeparate("scale")) {
            fixture.factory().runInTransaction(entityManager -> CategoryTree.seed(entityManager, NODES, 3, 2));
            List<SubtreeSize> sizes = fixture.factory().callInTransaction(entityManager ->
                    new CategoryRepository(entityManager).subtreeSizes());
            assertThat(sizes).extracting(SubtreeSize::size, SubtreeSize::depth).containsExactly(tuple((long) NODES, 12));
            timed(fixture, entityManager -> SelfReferencingPattern.walk(new CategoryRepository(entityManager).findTrees(), 1));

            Timed cte = timed(fixture, entityManager ->
                    SelfReferencingPattern.walk(new CategoryRepository(entityManager).findTrees(), Integer.MAX_VALUE));
            Timed walk = timed(fixture, entityManager ->
                    SelfReferencingPattern.walk(new CategoryRepository(entityManager).findRoots(), Integer.MAX_VALUE));

            assertThat(cte.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(walk.report()).hasSelectCount(1 + NODES);
            assertThat(cte.visited()).isEqualTo(NODES);
            assertThat(walk.visited()).isEqualTo(NODES);
            System.out.printf(Locale.ROOT, "relmap scale on %s: %,d categories, depth 12: walk %d SELECTs in %.0f ms,"
                            + " recursive CTE 1 SELECT in %.0f ms: the walk takes %.1fx as long%n",
                    fixture.unit().settings().database().key(), NODES, walk.report().selects(), walk.millis(),
                    cte.millis(), walk.millis() / cte.millis());
        }
    }

    private record Timed(int visited, dev.relmap.sqlcount.SqlReport report, double millis) {
    }

    private static Timed timed(CategoryFixture fixture, ToIntFunction<EntityManager> read) {
        return fixture.unit().callInRolledBackTransaction(entityManager -> {
            long start = System.nanoTime();
            var recorded = SqlCount.recordResult(() -> read.applyAsInt(entityManager));
            return new Timed(recorded.value(), recorded.report(), (System.nanoTime() - start) / 1e6);
        });
    }
}
