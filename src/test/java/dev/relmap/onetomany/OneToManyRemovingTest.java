package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.Relmap;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import dev.relmap.testsupport.PatternFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Removing one book by orphan removal, and deleting an author by cascade or in bulk. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyRemovingTest {

    private static final int UNKNOWN_ID = 999_999;

    private PatternFixture fixture;
    private OneToManyFixture tables;

    @BeforeAll
    void open() {
        fixture = OneToManyFixture.open();
        tables = new OneToManyFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @BeforeEach
    void startEmpty() {
        fixture.clear();
    }

    @Test
    void removesOneBookThroughOrphanRemovalInOneDelete() {
        long authorId = tables.createAuthor(3);
        long bookId = firstBookId(authorId);

        SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() -> {
            new BookRepository(entityManager).removeBook(authorId, bookId);
            entityManager.flush();
        }));

        assertThat(report).hasSelectCount(1).hasDeleteCount(1).hasUpdateCount(1).hasInsertCount(0)
                .hasStatementCount(3);
        assertThat(tables.rowCounts()).containsEntry("book", 2L);
    }

    @Test
    void refusesToRemoveAnUnknownBookByIdAndDeletesNothing() {
        long authorId = tables.createAuthor(3);
        Map<String, Long> before = tables.rowCounts();

        assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                new BookRepository(entityManager).removeBook(authorId, UNKNOWN_ID)))
                .isInstanceOf(UnknownIdException.class)
                .hasMessage("No Book with id " + UNKNOWN_ID);

        assertThat(tables.rowCounts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("deleting an author by cascade reads it and both collections, then deletes 1 + M rows in batches")
    void deletesAnAuthorAndItsBooksByCascade(int m) {
        long authorId = tables.createAuthor(m);

        SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() -> {
            new AuthorWrites(entityManager).delete(authorId);
            entityManager.flush();
        }));

        // The author, then its books and its (empty) awards, so that the cascade can reach them.
        assertThat(report).hasSelectCount(3).hasDeleteCount(1 + m)
                .hasBatchCount(StatementKind.DELETE, 1 + ceilDiv(m, Relmap.JDBC_BATCH_SIZE))
                .hasUpdateCount(0).hasInsertCount(0).hasStatementCount(3 + 1 + m);
        assertThat(tables.rowCounts()).containsEntry("author", 0L).containsEntry("book", 0L);
    }

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("deleting an author in bulk is one DELETE per table at any M, and reads nothing")
    void deletesAnAuthorInBulkInOneStatementPerTable(int m) {
        long authorId = tables.createAuthor(m);

        SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                new AuthorWrites(entityManager).deleteInBulk(authorId)));

        assertThat(report).hasDeleteCount(3).hasSelectCount(0).hasStatementCount(3);
        assertThat(tables.rowCounts()).containsEntry("author", 0L).containsEntry("book", 0L);
    }

    @Test
    @DisplayName("a bulk delete bypasses the persistence context: a loaded author stays managed and stale")
    void aBulkDeleteLeavesLoadedAuthorsStale() {
        long authorId = tables.createAuthor(2);

        fixture.factory().runInTransaction(entityManager -> {
            Author loaded = entityManager.find(Author.class, authorId);

            new AuthorWrites(entityManager).deleteInBulk(authorId);

            assertThat(entityManager.contains(loaded)).isTrue();
            assertThat(entityManager.find(Author.class, authorId)).isSameAs(loaded);
        });
        assertThat(tables.rowCounts()).containsEntry("author", 0L);
    }

    @Test
    void refusesToDeleteAnUnknownAuthorById() {
        tables.createAuthor(2);
        Map<String, Long> before = tables.rowCounts();

        assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                new AuthorWrites(entityManager).delete(UNKNOWN_ID)))
                .isInstanceOf(UnknownIdException.class)
                .hasMessage("No Author with id " + UNKNOWN_ID);

        assertThat(tables.rowCounts()).isEqualTo(before);
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
