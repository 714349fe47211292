package dev.relmap.selfreferencing.category;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sibling-name key on (parent_key, name) and its two checks, written around the repository: by
 * persists batched in one flush and by plain SQL. The database, not Java, keeps a root's name
 * unique among the roots and {@code parent_key} in step with {@code parent_id}; on a tree of 13
 * categories, each refusal leaves it as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Categories: the sibling-name key, written around the repository")
class CategorySiblingKeyTest {

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

    @Test
    @DisplayName("refuses two roots of one name persisted in one flush, on the sibling-name key")
    @DatabaseRefusalExpected
    void refusesTwinRootsPersistedInOneFlush() {
        assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager -> {
            entityManager.persist(new Category("Books"));
            entityManager.persist(new Category("Books"));
        })).satisfies(refused -> assertRefusedBy(refused, ConstraintKind.UNIQUE, Category.UK_SIBLING_NAME));

        assertThat(fixture.count("Category")).isEqualTo(TREE);
    }

    @Test
    @DisplayName("refuses a twin root inserted by plain SQL, which leaves parent_key to its default 0")
    @DatabaseRefusalExpected
    void refusesATwinRootInsertedByPlainSql() {
        assertThatThrownBy(() -> sql("insert into category (id, name, version) values (900001, 'Catalog', 0)"))
                .satisfies(refused -> assertRefusedBy(refused, ConstraintKind.UNIQUE, Category.UK_SIBLING_NAME));

        assertThat(tables.edges()).isEqualTo(before);
    }

    @Test
    @DisplayName("refuses plain SQL that inserts a parent_id and not its parent_key, on the check constraint")
    @DatabaseRefusalExpected
    void refusesAnInsertWithAParentKeyOutOfStep() {
        long parent = tables.idOf("Category 1");

        assertThatThrownBy(() -> sql("insert into category (id, name, version, parent_id) values (900001, 'Fresh', 0, " + parent + ")"))
                .satisfies(refused -> assertRefusedBy(refused, ConstraintKind.CHECK, Category.CK_PARENT_KEY));

        assertThat(tables.edges()).isEqualTo(before);
    }

    @Test
    @DisplayName("refuses plain SQL that changes a parent_id and not its parent_key, on the check constraint")
    @DatabaseRefusalExpected
    void refusesAnUpdateWithAParentKeyOutOfStep() {
        long parent = tables.idOf("Category 1");

        assertThatThrownBy(() -> sql("update category set parent_id = " + parent + " where name = 'Category 2'"))
                .satisfies(refused -> assertRefusedBy(refused, ConstraintKind.CHECK, Category.CK_PARENT_KEY));

        assertThat(tables.edges()).isEqualTo(before);
    }

    @Test
    @DisplayName("refuses a category with id 0, the parent_key that stands for no parent")
    @DatabaseRefusalExpected
    void refusesTheIdThatStandsForNoParent() {
        assertThatThrownBy(() -> sql("insert into category (id, name, version) values (0, 'Zero', 0)"))
                .satisfies(refused -> assertRefusedBy(refused, ConstraintKind.CHECK, Category.CK_ID_POSITIVE));

        assertThat(tables.edges()).isEqualTo(before);
    }

    @Test
    @DisplayName("a subcategory persisted before its parent is inserted as a root, then moved under it in the same flush")
    void aSubcategoryPersistedBeforeItsParent() {
        SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() -> {
            Category books = new Category("Books");
            Category poetry = new Category("Poetry");
            books.addSubcategory(poetry);
            entityManager.persist(poetry);
            entityManager.persist(books);
            entityManager.flush();
        }));

        // Hibernate inserts Poetry with a null parent_id (Books has no id yet) and parent_key 0, then updates both.
        assertThat(report).hasInsertCount(2).hasUpdateCount(1);
        assertThat(tables.edges()).contains("Books < -", "Poetry < Books");
    }

    private static void assertRefusedBy(Throwable refused, ConstraintKind kind, String constraint) {
        assertThat(refused).isInstanceOf(PersistenceException.class);
        assertThat(Constraints.violated(refused, kind, constraint))
                .as("a %s violation of %s behind %s", kind, constraint, refused).isPresent();
    }

    private void sql(String statement) {
        fixture.factory().runInTransaction(entityManager -> entityManager.createNativeQuery(statement).executeUpdate());
    }
}
