package dev.relmap.selfreferencing.category;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.catalog.SelfReferencingPattern;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A tree of 10,000 categories, 12 levels below the root (3 top-level categories, 2 subcategories
 * under every other one). The CTE's single statement is checked on every build. The walk issues
 * 10,001, so timing the two side by side runs only when asked for, with
 * {@code -Drelmap.scale=true}: it prints the ratio; only the counts are asserted, times vary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoryScaleTest {

    private static final int NODES = 10_000;

    private PatternFixture fixture;

    @BeforeAll
    void seedTenThousand() {
        fixture = CategoryFixture.openSeparate("scale");
        fixture.factory().runInTransaction(entityManager -> SampleData.seed(entityManager, NODES, 3, 2));
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    @DisplayName("the recursive CTE loads a tree of 10,000 categories, depth 12, in 1 statement")
    void theCteStaysOneStatementAtTenThousandCategories() {
        Timed cte = timed(CategoryScaleTest::loadWithTheCte);

        assertThat(cte.report()).hasSelectCount(1).hasStatementCount(1);
        assertThat(cte.visited()).isEqualTo(NODES);
    }

    @Test
    @EnabledIfSystemProperty(named = "relmap.scale", matches = "true")
    @DisplayName("the walk of the same tree is 10,001 statements; both timed in one run, the ratio printed")
    void theWalkAgainstTheCteTimedSideBySide() {
        Timed cte = timed(CategoryScaleTest::loadWithTheCte);
        Timed walk = timed(entityManager ->
                SelfReferencingPattern.walk(new CategoryRepository(entityManager).findRoots(), Integer.MAX_VALUE));

        assertThat(cte.report()).hasSelectCount(1);
        assertThat(walk.report()).hasSelectCount(1 + NODES);
        assertThat(walk.visited()).isEqualTo(NODES);
        System.out.printf(Locale.ROOT, "relmap scale on %s: %,d categories, depth 12: walk %d SELECTs in %.0f ms,"
                        + " recursive CTE 1 SELECT in %.0f ms: the walk takes %.1fx as long%n",
                fixture.unit().settings().database().key(), NODES, walk.report().selects(), walk.millis(),
                cte.millis(), walk.millis() / cte.millis());
    }

    private static int loadWithTheCte(EntityManager entityManager) {
        List<Category> trees = new CategoryRepository(entityManager).findTrees();
        assertThat(depth(trees)).isEqualTo(12);
        return SelfReferencingPattern.walk(trees, Integer.MAX_VALUE);
    }

    private static int depth(List<Category> categories) {
        return categories.stream()
                .mapToInt(category -> category.getSubcategories().isEmpty() ? 0 : 1 + depth(List.copyOf(category.getSubcategories())))
                .max().orElse(0);
    }

    private record Timed(int visited, SqlReport report, double millis) {
    }

    private Timed timed(ToIntFunction<EntityManager> read) {
        return fixture.unit().callInRolledBackTransaction(entityManager -> {
            long start = System.nanoTime();
            var recorded = SqlCount.recordResult(() -> read.applyAsInt(entityManager));
            return new Timed(recorded.value(), recorded.report(), (System.nanoTime() - start) / 1e6);
        });
    }
}
