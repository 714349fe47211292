package dev.relmap.manytomany.link;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Removing one of a book's N authors, three ways: a plain {@code @ManyToMany} in a {@code List}
 * (a bag), the same in a {@code Set}, and the link entity. Each test loads the book and its
 * authors (2 SELECTs, or 1 for the link entity's repository), removes the first author, and
 * counts what the flush writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BagPitfallTest {

    private RelmapUnit unit;
    private ManyToManyFixture tables;

    @BeforeAll
    void open() {
        unit = Relmap.unit("many-to-many-pitfall", Author.class, Book.class, BookAuthorLink.class, BagBook.class, SetBook.class)
                .recreateSchemaAndOpen(DatabaseSettings.current());
        tables = new ManyToManyFixture(unit.entityManagerFactory());
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @BeforeEach
    void emptyTables() {
        unit.entityManagerFactory().runInTransaction(entityManager -> {
            entityManager.createNativeQuery("delete from bag_book_author").executeUpdate();
            entityManager.createNativeQuery("delete from set_book_author").executeUpdate();
            entityManager.createQuery("delete from BagBook").executeUpdate();
            entityManager.createQuery("delete from SetBook").executeUpdate();
            ManyToManyFixture.clear(entityManager);
        });
    }

    @DisplayName("List (a bag): removing 1 of N authors deletes all N rows and inserts N − 1 back")
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    void aBagRewritesTheWholeCollection(int n) {
        long bookId = unit.entityManagerFactory().callInTransaction(entityManager -> {
            BagBook book = new BagBook("Good Omens");
            book.getAuthors().addAll(newAuthors(entityManager, n));
            entityManager.persist(book);
            return book.getId();
        });
        AtomicReference<SqlReport> report = new AtomicReference<>();

        unit.entityManagerFactory().runInTransaction(entityManager -> report.set(SqlCount.record(() -> {
            BagBook book = entityManager.find(BagBook.class, bookId);
            book.getAuthors().remove(0);
            entityManager.flush();
        })));

        assertThat(report.get())
                .hasSelectCount(2)
                .hasDeleteCount(1)
                .hasInsertCount(n - 1)
                .hasUpdateCount(0);
        assertThat(count("bag_book_author")).isEqualTo(n - 1);
    }

    @DisplayName("Set: removing 1 of N authors is 1 DELETE")
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    void aSetDeletesOneRow(int n) {
        List<Author> authors = new ArrayList<>();
        long bookId = unit.entityManagerFactory().callInTransaction(entityManager -> {
            SetBook book = new SetBook("Good Omens");
            authors.addAll(newAuthors(entityManager, n));
            book.getAuthors().addAll(authors);
            entityManager.persist(book);
            return book.getId();
        });
        AtomicReference<SqlReport> report = new AtomicReference<>();

        unit.entityManagerFactory().runInTransaction(entityManager -> report.set(SqlCount.record(() -> {
            SetBook book = entityManager.find(SetBook.class, bookId);
            book.getAuthors().remove(entityManager.getReference(Author.class, authors.get(0).getId()));
            entityManager.flush();
        })));

        assertThat(report.get())
                .hasSelectCount(2)
                .hasDeleteCount(1)
                .hasInsertCount(0)
                .hasUpdateCount(0);
        assertThat(count("set_book_author")).isEqualTo(n - 1);
    }

    @DisplayName("link entity: removing 1 of N authors is 1 DELETE and the others keep their roles")
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    void aLinkEntityDeletesOneRowAndKeepsTheRoles(int n) {
        List<Long> authorIds = tables.authors(n);
        long bookId = tables.book("978-0060853983", authorIds);
        List<String> survivors = tables.links().subList(1, n);
        AtomicReference<SqlReport> report = new AtomicReference<>();

        unit.entityManagerFactory().runInTransaction(entityManager -> report.set(SqlCount.record(
                () -> new BookRepository(entityManager).removeAuthor(bookId, authorIds.get(0)))));

        assertThat(report.get())
                .hasSelectCount(1)
                .hasDeleteCount(1)
                .hasInsertCount(0)
                .hasUpdateCount(0);
        assertThat(tables.links()).isEqualTo(survivors).allMatch(link -> link.endsWith("/EDITOR"));
    }

    /**
     * Persisted authors, not references: adding an unloaded reference to a {@code HashSet} would
     * load it to ask its hash code.
     */
    private static List<Author> newAuthors(EntityManager entityManager, int n) {
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Author author = SampleData.author(i);
            entityManager.persist(author);
            authors.add(author);
        }
        return authors;
    }

    private long count(String table) {
        return unit.entityManagerFactory().callInTransaction(entityManager -> ((Number) entityManager
                .createNativeQuery("select count(*) from " + table)
                .getSingleResult()).longValue());
    }
}
