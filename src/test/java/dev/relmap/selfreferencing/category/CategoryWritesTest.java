package dev.relmap.selfreferencing.category;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.HibernateWarnings;
import dev.relmap.catalog.SelfReferencingPattern;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Changing a tree of 40 categories (Catalog, Category 1 … 3, 1.1 … 3.3, 1.1.1 …): each write
 * counted, each refusal typed, naming the categories, with the tree unchanged afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoryWritesTest {

    private static final int TREE = 40;

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

    @ParameterizedTest(name = "N = {0}")
    @CsvSource({"1, 1", "10, 1", "1000, 41"})
    @DisplayName("seeding N categories is N INSERTs in batches of 25, and no 'could not be sorted' warning (HHH90032022)")
    void seedingIsBatchedDespiteTheSelfReference(int n, int batches) {
        fixture.factory().runInTransaction(SampleData::clear);
        fixture.changed();
        SqlReport[] report = new SqlReport[1];

        List<String> warnings = HibernateWarnings.during(() -> report[0] = fixture.factory().callInTransaction(
                entityManager -> SqlCount.record(() -> SampleData.seed(entityManager, n))));

        // Flushed every 500 categories: 1000 is 501 + 499 INSERTs, 21 + 20 batches.
        assertThat(report[0]).hasInsertCount(n).hasBatchCount(StatementKind.INSERT, batches).hasUpdateCount(0);
        assertThat(fixture.count("Category")).isEqualTo(n);
        // Insert ordering is off for this unit (SelfReferencingPattern#properties): it cannot sort a self-reference.
        assertThat(warnings).isEmpty();
    }

    @Nested
    @DisplayName("Categories: adding")
    class Adding {

        @Test
        void addsACategoryInOneSelectAndOneInsert() {
            long parent = tables.idOf("Category 2");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new CategoryRepository(entityManager).add(parent, "Category 2.4")));

            assertThat(report).hasSelectCount(1).hasInsertCount(1).hasUpdateCount(0);
            assertThat(fixture.count("Category")).isEqualTo(TREE + 1);
        }

        @Test
        @DisplayName("refuses a name its siblings already have, naming it and the unique key, and writes nothing")
        @DatabaseRefusalExpected
        void refusesADuplicateSiblingName() {
            long parent = tables.idOf("Category 2");

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager).add(parent, "Category 2.1")))
                    .isInstanceOfSatisfying(DuplicateCategoryException.class, e ->
                            assertThat(e.constraintName()).isEqualToIgnoringCase(Category.UK_SIBLING_NAME))
                    .hasMessage("A category named 'Category 2.1' already exists under 'Category 2'");

            assertThat(tables.edges()).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("Categories: moving")
    class Moving {

        @Test
        @DisplayName("moves a subtree in 1 SELECT (the check), 3 version UPDATEs (the lock) and 1 UPDATE")
        void movesASubtreeInOneCheckALockAndOneUpdate() {
            long moved = tables.idOf("Category 1.1");
            long newParent = tables.idOf("Category 2");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new CategoryRepository(entityManager).move(moved, newParent)));

            // The lock bumps the moved category and the new parent's path (Category 2, Catalog).
            assertThat(report).hasSelectCount(1).hasUpdateCount(3 + 1).hasInsertCount(0).hasDeleteCount(0);
            assertThat(tables.edges()).contains("Category 1.1 < Category 2", "Category 1.1.1 < Category 1.1");
        }

        @Test
        @DisplayName("refuses to move a category under itself, in 1 SELECT, naming it, and changes nothing")
        void refusesToMoveACategoryUnderItself() {
            long category = tables.idOf("Category 1");

            var attempt = SqlCount.recordResult(() -> catching(() -> fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager).move(category, category))));

            assertThat(attempt.value()).isInstanceOfSatisfying(CategoryCycleException.class, e -> {
                assertThat(e).hasMessage("Cannot move 'Category 1' under itself");
                assertThat(e.categoryId()).isEqualTo(category);
            });
            assertThat(attempt.report()).hasSelectCount(1).hasUpdateCount(0);
            assertThat(tables.edges()).isEqualTo(before);
        }

        @Test
        @DisplayName("refuses to move a category under one of its own descendants, naming both, and changes nothing")
        void refusesToMoveACategoryUnderItsDescendant() {
            long category = tables.idOf("Category 1");
            long descendant = tables.idOf("Category 1.2.3");

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager).move(category, descendant)))
                    .isInstanceOfSatisfying(CategoryCycleException.class, e ->
                            assertThat(e.newParentId()).isEqualTo(descendant))
                    .hasMessage("Cannot move 'Category 1' under 'Category 1.2.3': 'Category 1.2.3' lies under 'Category 1'");

            assertThat(tables.edges()).isEqualTo(before);
        }

        @Test
        void refusesUnknownIdsByIdAndChangesNothing() {
            long category = tables.idOf("Category 1");

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager).move(category, 999_999)))
                    .isInstanceOfSatisfying(UnknownIdException.class, e -> assertThat(e.id()).isEqualTo(999_999L))
                    .hasMessage("No Category with id 999999");
            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager).move(999_999, category)))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No Category with id 999999");

            assertThat(tables.edges()).isEqualTo(before);
        }

        @Test
        @DatabaseRefusalExpected
        void refusesAMoveAmongSiblingsOfTheSameNameAndChangesNothing() {
            long twin = fixture.factory().callInTransaction(entityManager ->
                    new CategoryRepository(entityManager).add(tables.idOf("Category 3"), "Category 2.1").getId());
            List<String> withTwin = tables.edges();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager).move(twin, tables.idOf("Category 2"))))
                    .isInstanceOfSatisfying(DuplicateCategoryException.class, e ->
                            assertThat(e.constraintName()).isEqualToIgnoringCase(Category.UK_SIBLING_NAME))
                    .hasMessage("A category named 'Category 2.1' already exists under 'Category 2'");

            assertThat(tables.edges()).isEqualTo(withTwin);
        }
    }

    @Nested
    @DisplayName("Categories: deleting")
    class Deleting {

        @Test
        void deletesALeafInOneSelectAndOneDelete() {
            long leaf = tables.idOf("Category 1.1.1");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new CategoryRepository(entityManager).delete(leaf)));

            assertThat(report).hasSelectCount(1).hasDeleteCount(1).hasUpdateCount(0);
            assertThat(fixture.count("Category")).isEqualTo(TREE - 1);
        }

        @Test
        @DisplayName("rejects deleting a category with subcategories, naming it and how many, and deletes nothing")
        void rejectsDeletingACategoryWithSubcategories() {
            long category = tables.idOf("Category 1");

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager).delete(category)))
                    .isInstanceOf(CategoryNotEmptyException.class)
                    .hasMessage("Cannot delete 'Category 1': it has 3 subcategories; move or delete them first");

            assertThat(tables.edges()).isEqualTo(before);
        }

        @Test
        @DisplayName("the foreign key refuses a delete that skips the check, so no row points at a deleted parent")
        @DatabaseRefusalExpected
        void theForeignKeyBacksTheRule() {
            long category = tables.idOf("Category 1");

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    entityManager.createQuery("delete from Category c where c.id = :id")
                            .setParameter("id", category).executeUpdate()))
                    .isInstanceOfSatisfying(PersistenceException.class, e ->
                            assertThat(Constraints.violated(e, ConstraintKind.FOREIGN_KEY, Category.FK_PARENT))
                                    .isPresent());

            assertThat(tables.edges()).isEqualTo(before);
        }

        @Test
        void refusesAnUnknownIdByIdAndDeletesNothing() {
            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new CategoryRepository(entityManager).delete(999_999)))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No Category with id 999999");

            assertThat(tables.edges()).isEqualTo(before);
        }
    }

    private static Throwable catching(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
