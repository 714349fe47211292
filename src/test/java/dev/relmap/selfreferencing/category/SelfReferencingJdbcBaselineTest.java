package dev.relmap.selfreferencing.category;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.catalog.SelfReferencingPattern;
import dev.relmap.selfreferencing.category.SelfReferencingJdbcBaseline.CategoryRow;
import dev.relmap.selfreferencing.category.SelfReferencingJdbcBaseline.SizeRow;
import dev.relmap.testsupport.JdbcBaselineCheck;
import dev.relmap.testsupport.PatternFixture;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The benchmarks' JDBC floor of the category reads returns the rows the strategies return, at N = 10. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfReferencingJdbcBaselineTest {

    private static final int N = 10;

    private PatternFixture fixture;

    @BeforeAll
    void seed() {
        fixture = CategoryFixture.open();
        fixture.seed(N);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyStrategyCountsTheRowsOfItsJdbcRead() throws SQLException {
        JdbcBaselineCheck.assertCountsMatch(new SelfReferencingPattern(), fixture.unit(), N);
    }

    @Test
    void wholeTreesAreTheTreesTheRecursiveCteLoads() throws SQLException {
        List<CategoryRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                rows(new CategoryRepository(entityManager).findTrees(), Integer.MAX_VALUE));

        assertThat(JdbcBaselineCheck.read(fixture.unit(), SelfReferencingJdbcBaseline::wholeTrees))
                .isEqualTo(viaHibernate);
    }

    @Test
    void twoLevelsAreTheCategoriesTheTwoJoinFetchesLoad() throws SQLException {
        List<CategoryRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                rows(new CategoryRepository(entityManager).findRootsWithTwoLevels(), 2));

        assertThat(JdbcBaselineCheck.read(fixture.unit(), SelfReferencingJdbcBaseline::twoLevels))
                .isEqualTo(viaHibernate);
    }

    @Test
    void treeSizesAreTheSubtreeSizeRecords() throws SQLException {
        List<SizeRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new CategoryRepository(entityManager).subtreeSizes().stream()
                        .map(size -> new SizeRow(size.rootId(), size.rootName(), size.size(), size.depth()))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), SelfReferencingJdbcBaseline::treeSizes))
                .containsExactly(new SizeRow(viaHibernate.get(0).rootId(), SampleData.ROOT, N, 2))
                .isEqualTo(viaHibernate);
    }

    /** The categories down to {@code maxDepth} as the baseline's records, children in their mapped order. */
    private static List<CategoryRow> rows(Collection<Category> categories, int maxDepth) {
        return categories.stream()
                .map(category -> new CategoryRow(category.getId(), category.getName(), category.getDescription(),
                        maxDepth == 0 ? List.of() : rows(category.getSubcategories(), maxDepth - 1)))
                .toList();
    }
}
