package dev.relmap.selfreferencing.category;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.relmap.catalog.SelfReferencingPattern;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** What reading a category tree of N nodes costs: the walk, the recursive CTEs, a fixed-depth fetch. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoryLoadingTest {

    private PatternFixture fixture;
    private CategoryFixture tables;

    @BeforeAll
    void open() {
        fixture = CategoryFixture.open();
        tables = new CategoryFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    /** Each read at N = 1, 10 and 1000 categories; the tree is seeded once per N. */
    @Nested
    @ParameterizedClass(name = "in a tree of N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("Categories in a tree of N")
    class InATreeOfN {

        @Parameter
        int n;

        @BeforeEach
        void treeOfN() {
            fixture.seed(n);
        }

        @Test
        @DisplayName("walking the tree from the root costs 1 + N statements, one per category visited, flagged as N+1")
        void walkingTheTreeCostsOneStatementPerCategory() {
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                var walked = SqlCount.recordResult(() ->
                        SelfReferencingPattern.walk(new CategoryRepository(entityManager).findRoots(), Integer.MAX_VALUE));

                assertThat(walked.value()).isEqualTo(n);
                assertThat(walked.report()).hasSelectCount(1 + n).hasStatementCount(1 + n);
                assertThat(walked.report().hasNPlusOne()).isEqualTo(n > 1);
            });
        }

        @Test
        @DisplayName("the recursive CTE loads the whole tree in 1 statement, and walking it afterwards costs none")
        void theRecursiveCteLoadsTheWholeTreeInOneStatement() {
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                var loaded = SqlCount.recordResult(() -> new CategoryRepository(entityManager).findTrees());
                List<Category> everyCategory = flatten(loaded.value());
                SqlReport walking = SqlCount.record(() -> SelfReferencingPattern.walk(loaded.value(), Integer.MAX_VALUE));

                assertThat(loaded.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(walking).hasNoStatements();
                assertThat(loaded.value()).extracting(Category::getName).containsExactly(SampleData.ROOT);
                assertThat(everyCategory).hasSize(n);
                everyCategory.forEach(category ->
                        assertThatAssociation(category, Category_.subcategories).isLoaded());
            });
        }

        @Test
        @DisplayName("a breadcrumb is the path from the root down to the last category, in 1 statement at any depth")
        void aBreadcrumbIsOneStatement() {
            List<String> names = switch (n) {
                case 1 -> List.of("Catalog");
                case 10 -> List.of("Catalog", "Category 2", "Category 2.3");
                default -> List.of("Catalog", "Category 3", "Category 3.2", "Category 3.2.3", "Category 3.2.3.2",
                        "Category 3.2.3.2.2", "Category 3.2.3.2.2.3");
            };
            long id = tables.idOf(names.get(names.size() - 1));
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                var crumbs = SqlCount.recordResult(() -> new CategoryRepository(entityManager).breadcrumb(id));

                assertThat(crumbs.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(crumbs.value()).extracting(CategoryCrumb::name).containsExactlyElementsOf(names);
            });
        }

        @Test
        @DisplayName("two levels by JOIN FETCH are 1 statement; a third level costs 1 more per category of the second")
        void aFixedDepthFetchCostsOneStatementPerCategoryOneLevelDeeper() {
            int secondLevel = SampleData.nodesWithin(n, 2) - SampleData.nodesWithin(n, 1);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                var loaded = SqlCount.recordResult(() -> new CategoryRepository(entityManager).findRootsWithTwoLevels());
                SqlReport twoLevels = SqlCount.record(() -> SelfReferencingPattern.walk(loaded.value(), 2));
                SqlReport threeLevels = SqlCount.record(() -> SelfReferencingPattern.walk(loaded.value(), 3));

                assertThat(loaded.report()).hasSelectCount(1);
                assertThat(twoLevels).hasNoStatements();
                assertThat(threeLevels).hasSelectCount(secondLevel);
            });
        }

        @Test
        @DisplayName("the size and depth of each tree are 1 statement, as records")
        void sizeAndDepthAreOneStatement() {
            int depth = SampleData.depthOf(n - 1, SampleData.FAN_OUT, SampleData.FAN_OUT);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                var sizes = SqlCount.recordResult(() -> new CategoryRepository(entityManager).subtreeSizes());

                assertThat(sizes.report()).hasSelectCount(1);
                assertThat(sizes.value()).extracting(SubtreeSize::rootName, SubtreeSize::size, SubtreeSize::depth)
                        .containsExactly(tuple(SampleData.ROOT, (long) n, depth));
            });
        }
    }

    @Test
    @DisplayName("a subtree under an inner category is 1 statement, holds exactly its descendants and reads its parents for free")
    void aSubtreeHoldsExactlyTheDescendants() {
        fixture.seed(1000);
        long id = tables.idOf("Category 1.2");
        fixture.unit().runInRolledBackTransaction(entityManager -> {

            var loaded = SqlCount.recordResult(() -> new CategoryRepository(entityManager).findSubtree(id));
            List<Category> subtree = flatten(List.of(loaded.value()));
            SqlReport readingParents = SqlCount.record(() -> subtree.stream().skip(1)
                    .forEach(category -> category.getParent().getName()));

            assertThat(loaded.report()).hasSelectCount(1);
            // 1 + 3 + 9 + 27 + 81 categories lie at depths 2 to 6 under "Category 1.2" in a tree of 1000.
            assertThat(subtree).hasSize(1 + 3 + 9 + 27 + 81)
                    .allMatch(c -> c.getName().equals("Category 1.2") || c.getName().startsWith("Category 1.2."));
            // Each parent is in the result: a proxy created before its row arrived is initialised by it.
            // Read it through getters (or Hibernate.unproxy): a proxy's own fields stay null.
            assertThat(readingParents).hasNoStatements();
        });
    }

    @Test
    void anUnknownIdIsATypedErrorNamingIt() {
        fixture.seed(10);
        fixture.unit().runInRolledBackTransaction(entityManager -> {
            CategoryRepository repository = new CategoryRepository(entityManager);

            assertThatThrownBy(() -> repository.findSubtree(999_999))
                    .isInstanceOf(UnknownIdException.class).hasMessage("No Category with id 999999");
            assertThatThrownBy(() -> repository.breadcrumb(999_999))
                    .isInstanceOf(UnknownIdException.class).hasMessage("No Category with id 999999");
        });
    }

    /** The given categories and everything under them, depth first, each before its subcategories. */
    static List<Category> flatten(List<Category> categories) {
        List<Category> all = new ArrayList<>();
        for (Category category : categories) {
            all.add(category);
            all.addAll(flatten(List.copyOf(category.getSubcategories())));
        }
        return all;
    }
}
