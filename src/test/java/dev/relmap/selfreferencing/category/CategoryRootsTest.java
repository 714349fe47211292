package dev.relmap.selfreferencing.category;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Roots are siblings of each other, so a root's name is unique among the roots, and the database
 * says so: on a tree of 13 categories (Catalog, Category 1 … 3, 1.1 … 3.3), a second root of one
 * name is refused whether it is added or moved to the top, typed by the repository, with nothing
 * stored. {@link CategorySiblingKeyTest} writes around the repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoryRootsTest {

    private static final int TREE = 13;

    private PatternFixture fixture;
    private CategoryFixture tables;
    private List<String> before;

    @BeforeAll
    void open() {
        fixture = CategoryFixture.open();
        tables = new CategoryFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @BeforeEach
    void freshTree() {
        fixture.reseed(TREE);
        before = tables.edges();
    }

    @Nested
    @DisplayName("Categories: adding roots")
    class Adding {

        @Test
        @DisplayName("adds a root in 1 INSERT, with no SELECT to check its name first")
        void addsARootInOneInsert() {
            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new CategoryRepository(entityManager).addRoot("Books")));

            assertThat(report).hasSelectCount(0).hasInsertCount(1).hasUpdateCount(0);
            assertThat(tables.edges()).contains("Books < -").hasSize(TREE + 1);
        }

        @Test
        @DisplayName("refuses a second root of one name in the same transaction, naming it and (root), and stores neither")
        @DatabaseRefusalExpected
        void refusesATwinRootInOneTransaction() {
            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager -> {
                CategoryRepository repository = new CategoryRepository(entityManager);
                repository.addRoot("Books");
                repository.addRoot("Books");
            }))
                    .isInstanceOfSatisfying(DuplicateCategoryException.class, e -> {
                        assertThat(e.name()).isEqualTo("Books");
                        assertThat(e.constraintName()).isEqualToIgnoringCase(Category.UK_SIBLING_NAME);
                    })
                    .hasMessage("A category named 'Books' already exists under (root)");

            assertThat(fixture.count("Category")).isEqualTo(TREE);
            assertThat(tables.edges()).isEqualTo(before);
        }

        @Test
        @DisplayName("refuses a root named like the seeded root, in a transaction of its own")
        @DatabaseRefusalExpected
        void refusesARootNamedLikeAnExistingOne() {
            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager).addRoot(SampleData.ROOT)))
                    .isInstanceOf(DuplicateCategoryException.class)
                    .hasMessage("A category named 'Catalog' already exists under (root)");

            assertThat(tables.edges()).isEqualTo(before);
        }

        @Test
        @DisplayName("a root, a subcategory and a subcategory of another parent may all share one name")
        void aNameIsUniqueAmongSiblingsOnly() {
            fixture.factory().runInTransaction(entityManager -> {
                CategoryRepository repository = new CategoryRepository(entityManager);
                repository.addRoot("Books");
                repository.add(tables.idOf("Category 1"), "Books");
                repository.add(tables.idOf("Category 2"), "Books");
            });

            assertThat(tables.edges()).contains("Books < -", "Books < Category 1", "Books < Category 2");
        }
    }

    @Nested
    @DisplayName("Categories: moving to the top level")
    class MovingToTheTop {

        @Test
        @DisplayName("makes a subtree a root in 1 SELECT and 1 UPDATE, without loading the old parent")
        void movesASubtreeToTheTopInOneSelectAndOneUpdate() {
            long moved = tables.idOf("Category 1");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new CategoryRepository(entityManager).moveToRoot(moved)));

            assertThat(report).hasSelectCount(1).hasUpdateCount(1).hasInsertCount(0).hasDeleteCount(0);
            assertThat(tables.edges()).contains("Category 1 < -", "Category 1.1 < Category 1");
        }

        @Test
        @DisplayName("refuses to move a category to the top when a root has its name, naming it and (root), and changes nothing")
        @DatabaseRefusalExpected
        void refusesAMoveToTheTopNextToARootOfTheSameName() {
            long moved = tables.idOf("Category 2.1");
            fixture.factory().runInTransaction(entityManager -> new CategoryRepository(entityManager).addRoot("Category 2.1"));
            List<String> withRoot = tables.edges();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager).moveToRoot(moved)))
                    .isInstanceOfSatisfying(DuplicateCategoryException.class, e ->
                            assertThat(e.constraintName()).isEqualToIgnoringCase(Category.UK_SIBLING_NAME))
                    .hasMessage("A category named 'Category 2.1' already exists under (root)");

            assertThat(fixture.count("Category")).isEqualTo(TREE + 1);
            assertThat(tables.edges()).isEqualTo(withRoot);
        }

        @Test
        @DisplayName("refuses a move to the top when another transaction moved the category meanwhile, and keeps that move")
        void refusesAMoveToTheTopAfterAConcurrentMove() {
            long moved = tables.idOf("Category 1.1");
            long elsewhere = tables.idOf("Category 2");
            Runnable otherMove = () -> fixture.factory().runInTransaction(other ->
                    new CategoryRepository(other).move(moved, elsewhere));

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager, otherMove).moveToRoot(moved)))
                    .isInstanceOfSatisfying(ConcurrentMoveException.class, e -> assertThat(e.newParentId()).isZero())
                    .hasMessage("'Category 1.1' was not moved under (root): another move changed the categories it"
                            + " checked; read the tree again and retry");

            assertThat(tables.edges()).contains("Category 1.1 < Category 2");
        }

        @Test
        @DisplayName("a root moved under a category leaves its name free at the top level")
        void aRootMovedDownFreesItsName() {
            long books = fixture.factory().callInTransaction(entityManager ->
                    new CategoryRepository(entityManager).addRoot("Books").getId());
            fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager).move(books, tables.idOf("Category 3")));

            fixture.factory().runInTransaction(entityManager -> new CategoryRepository(entityManager).addRoot("Books"));

            assertThat(tables.edges()).contains("Books < -", "Books < Category 3");
        }
    }
}
