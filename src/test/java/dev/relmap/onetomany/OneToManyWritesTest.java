package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.Relmap;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What writing authors and books costs, counted. Sequence calls depend on how much of the pooled
 * block (50 ids) earlier writes in the unit used, so they are counted where they are the subject:
 * on a fresh unit, when creating an author.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyWritesTest {

    private static final int UNKNOWN_ID = 999_999;

    private OneToManyFixture fixture;

    @BeforeAll
    void open() {
        fixture = OneToManyFixture.open();
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @BeforeEach
    void startEmpty() {
        fixture.clear();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class CreatingAnAuthor {

        @ParameterizedTest(name = "M = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("creates an author with M books in 1 + M INSERTs, 1 + ⌈M / 25⌉ batches, no UPDATE")
        void createsAnAuthorWithItsBooksInBatchedInserts(int m) {
            try (OneToManyFixture fresh = OneToManyFixture.openFresh()) {

                SqlReport report = fresh.factory().callInTransaction(entityManager ->
                        SqlCount.record(() -> new AuthorRepository(entityManager).create(Bookshelf.author(1, m))));

                assertThat(report)
                        .hasInsertCount(1 + m)
                        .hasBatchCount(StatementKind.INSERT, 1 + ceilDiv(m, Relmap.JDBC_BATCH_SIZE))
                        .hasUpdateCount(0)
                        .hasSelectCount(0)
                        // A fresh pooled sequence's first call reserves one id; each later call 50.
                        // One call for the author, 1 + ⌈(M - 1) / 50⌉ for the books.
                        .hasSequenceCallCount(1 + 1 + ceilDiv(m - 1, 50));
                assertThat(fresh.rowCounts()).containsEntry("author", 1L).containsEntry("book", (long) m);
            }
        }

        @Test
        void refusesADuplicateEmailByNameAndWritesNothing() {
            fixture.factory().runInTransaction(entityManager -> new AuthorRepository(entityManager).create(Bookshelf.author(1, 2)));
            Map<String, Long> before = fixture.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new AuthorRepository(entityManager).create(Bookshelf.author(1, 0))))
                    .isInstanceOf(DuplicateKeyException.class)
                    .hasMessageContaining("'author-1@relmap.dev'");

            assertThat(fixture.rowCounts()).isEqualTo(before);
        }

        @Test
        void refusesANullNameByName() {
            assertThatThrownBy(() -> new Author(null, "x@relmap.dev"))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("name");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AddingABook {

        @Test
        void addsABookByReferenceInOneInsertWithoutReadingTheAuthor() {
            long authorId = createAuthor(3);

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new BookRepository(entityManager).addBook(authorId, new Book("New", "new-1", 120))));

            assertThat(report).hasSelectCount(0).hasInsertCount(1).hasUpdateCount(0).hasDeleteCount(0);
            assertThat(fixture.rowCounts()).containsEntry("book", 4L);
        }

        @Test
        void theCheckedVariantReadsTheAuthorFirstButNotItsBooks() {
            long authorId = createAuthor(3);

            fixture.factory().runInTransaction(entityManager -> {
                SqlReport report = SqlCount.record(() -> new BookRepository(entityManager)
                        .addBookToLoadedAuthor(authorId, new Book("New", "new-1", 120)));

                assertThat(report).hasSelectCount(1).hasInsertCount(1).hasUpdateCount(0).hasDeleteCount(0);
                assertThatAssociation(entityManager.find(Author.class, authorId), Author_.books).isNotLoaded();
            });
            assertThat(fixture.rowCounts()).containsEntry("book", 4L);
        }

        @Test
        void refusesAnUnknownAuthorByIdAndInsertsNothing() {
            createAuthor(3);
            Map<String, Long> before = fixture.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new BookRepository(entityManager).addBook(UNKNOWN_ID, new Book("New", "new-1", 120))))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No Author with id " + UNKNOWN_ID);

            assertThat(fixture.rowCounts()).isEqualTo(before);
        }

        @Test
        void theCheckedVariantRefusesAnUnknownAuthorWithoutSendingAnInsert() {
            createAuthor(3);
            Map<String, Long> before = fixture.rowCounts();

            fixture.factory().runInTransaction(entityManager -> {
                SqlReport report = SqlCount.record(() -> assertThatThrownBy(() -> new BookRepository(entityManager)
                        .addBookToLoadedAuthor(UNKNOWN_ID, new Book("New", "new-1", 120)))
                        .isInstanceOf(UnknownIdException.class)
                        .hasMessage("No Author with id " + UNKNOWN_ID));

                assertThat(report).hasSelectCount(1).hasInsertCount(0);
            });
            assertThat(fixture.rowCounts()).isEqualTo(before);
        }

        @Test
        void refusesADuplicateIsbnByNameAndInsertsNothing() {
            long authorId = createAuthor(3);
            Map<String, Long> before = fixture.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new BookRepository(entityManager).addBook(authorId, new Book("Again", "1-1", 120))))
                    .isInstanceOf(DuplicateKeyException.class)
                    .hasMessage("A book with ISBN '1-1' already exists");

            assertThat(fixture.rowCounts()).isEqualTo(before);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RemovingBooksAndAuthors {

        @Test
        void removesOneBookThroughOrphanRemovalInOneDelete() {
            long authorId = createAuthor(3);
            long bookId = firstBookId(authorId);

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() -> {
                new BookRepository(entityManager).removeBook(authorId, bookId);
                entityManager.flush();
            }));

            assertThat(report).hasSelectCount(1).hasDeleteCount(1).hasUpdateCount(0).hasInsertCount(0)
                    .hasStatementCount(2);
            assertThat(fixture.rowCounts()).containsEntry("book", 2L);
        }

        @Test
        void refusesToRemoveAnUnknownBookByIdAndDeletesNothing() {
            long authorId = createAuthor(3);
            Map<String, Long> before = fixture.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new BookRepository(entityManager).removeBook(authorId, UNKNOWN_ID)))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No Book with id " + UNKNOWN_ID);

            assertThat(fixture.rowCounts()).isEqualTo(before);
        }

        @ParameterizedTest(name = "M = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("deleting an author by cascade reads it and both collections, then deletes 1 + M rows in batches")
        void deletesAnAuthorAndItsBooksByCascade(int m) {
            long authorId = createAuthor(m);

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() -> {
                new AuthorRepository(entityManager).delete(authorId);
                entityManager.flush();
            }));

            // The author, then its books and its (empty) awards, so that the cascade can reach them.
            assertThat(report).hasSelectCount(3).hasDeleteCount(1 + m)
                    .hasBatchCount(StatementKind.DELETE, 1 + ceilDiv(m, Relmap.JDBC_BATCH_SIZE))
                    .hasUpdateCount(0).hasInsertCount(0).hasStatementCount(3 + 1 + m);
            assertThat(fixture.rowCounts()).containsEntry("author", 0L).containsEntry("book", 0L);
        }

        @ParameterizedTest(name = "M = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("deleting an author in bulk is one DELETE per table at any M, and reads nothing")
        void deletesAnAuthorInBulkInOneStatementPerTable(int m) {
            long authorId = createAuthor(m);

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new AuthorRepository(entityManager).deleteInBulk(authorId)));

            assertThat(report).hasDeleteCount(3).hasSelectCount(0).hasStatementCount(3);
            assertThat(fixture.rowCounts()).containsEntry("author", 0L).containsEntry("book", 0L);
        }

        @Test
        @DisplayName("a bulk delete bypasses the persistence context: a loaded author stays managed and stale")
        void aBulkDeleteLeavesLoadedAuthorsStale() {
            long authorId = createAuthor(2);

            fixture.factory().runInTransaction(entityManager -> {
                Author loaded = entityManager.find(Author.class, authorId);

                new AuthorRepository(entityManager).deleteInBulk(authorId);

                assertThat(entityManager.contains(loaded)).isTrue();
                assertThat(entityManager.find(Author.class, authorId)).isSameAs(loaded);
            });
            assertThat(fixture.rowCounts()).containsEntry("author", 0L);
        }

        @Test
        void refusesToDeleteAnUnknownAuthorById() {
            createAuthor(2);
            Map<String, Long> before = fixture.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new AuthorRepository(entityManager).delete(UNKNOWN_ID)))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No Author with id " + UNKNOWN_ID);

            assertThat(fixture.rowCounts()).isEqualTo(before);
        }
    }

    private long createAuthor(int books) {
        return fixture.factory().callInTransaction(entityManager ->
                new AuthorRepository(entityManager).create(Bookshelf.author(1, books)).getId());
    }

    private long firstBookId(long authorId) {
        return fixture.factory().callInTransaction(entityManager -> entityManager
                .createQuery("select min(b.id) from Book b where b.author.id = :id", Long.class)
                .setParameter("id", authorId)
                .getSingleResult());
    }

    private static int ceilDiv(int n, int size) {
        return (n + size - 1) / size;
    }
}
