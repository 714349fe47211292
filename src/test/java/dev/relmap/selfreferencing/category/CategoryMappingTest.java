package dev.relmap.selfreferencing.category;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.testsupport.PatternFixture;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The mapping's own promises: identity in a Set, and helpers that keep both sides in sync. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoryMappingTest {

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

    @Test
    void aSetStillFindsACategoryAfterPersistAndMerge() {
        Category books = new Category("Books");
        Set<Category> set = new HashSet<>(Set.of(books));

        fixture.factory().runInTransaction(entityManager -> entityManager.persist(books));
        Category merged = fixture.factory().callInTransaction(entityManager -> entityManager.merge(books));

        assertThat(set).contains(books).contains(merged);
        fixture.changed();
    }

    @Test
    void addingASubcategoryTakesItFromItsPreviousParentOnBothSides() {
        Category first = new Category("First");
        Category second = new Category("Second");
        Category child = new Category("Child");
        first.addSubcategory(child);

        second.addSubcategory(child);

        assertThat(first.getSubcategories()).isEmpty();
        assertThat(second.getSubcategories()).containsExactly(child);
        assertThat(child.getParent()).isSameAs(second);
    }

    @Test
    void removingASubcategoryMakesItARootAndRefusesAStranger() {
        Category parent = new Category("Parent");
        Category child = new Category("Child");
        parent.addSubcategory(child);

        parent.removeSubcategory(child);

        assertThat(parent.getSubcategories()).isEmpty();
        assertThat(child.getParent()).isNull();
        assertThatThrownBy(() -> parent.removeSubcategory(new Category("Stranger")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addingUnderAnUnloadedParentLoadsNeitherCollection() {
        fixture.seed(13);
        long parentId = tables.idOf("Category 2");
        long childId = tables.idOf("Category 1.1");
        fixture.unit().runInRolledBackTransaction(entityManager -> {
            Category parent = entityManager.getReference(Category.class, parentId);
            Category child = entityManager.find(Category.class, childId);

            var report = SqlCount.record(() -> parent.addSubcategory(child));

            // The new parent is a proxy: addSubcategory runs on it once it is loaded (1 SELECT),
            // but neither its subcategories nor the old parent's are read.
            assertThat(report).hasSelectCount(1);
            assertThat(child.getParent().getId()).isEqualTo(parentId);
        });
    }

    @Test
    @DisplayName("a flush reads parent_key from a parent proxy's id without loading the parent")
    void aFlushReadsTheParentKeyOfAnUnloadedParentWithoutLoadingIt() {
        fixture.seed(13);
        long parentId = tables.idOf("Category 1");
        long childId = tables.idOf("Category 1.1");
        fixture.unit().runInRolledBackTransaction(entityManager -> {
            Category child = entityManager.find(Category.class, childId);

            var report = SqlCount.record(entityManager::flush);

            assertThat(report).hasStatementCount(0);
            assertThat(Hibernate.isInitialized(child.getParent())).isFalse();
            assertThat(child.getParentKey()).isEqualTo(parentId);
        });
    }
}
