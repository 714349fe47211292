package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Adding a book to an existing author, by reference or after reading the author, and its refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyAddingBooksTest {

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
    void addsABookByReferenceInOneUpdateAndOneInsertWithoutReadingTheAuthor() {
        long authorId = tables.createAuthor(3);

        SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                new BookRepository(entityManager).addBook(authorId, new Book("New", "new-1", 120))));

        assertThat(report).hasSelectCount(0).hasInsertCount(1).hasUpdateCount(1).hasDeleteCount(0);
        assertThat(tables.rowCounts()).containsEntry("book", 4L);
    }

    @Test
    void theCheckedVariantReadsTheAuthorFirstButNotItsBooks() {
        long authorId = tables.createAuthor(3);

        fixture.factory().runInTransaction(entityManager -> {
            SqlReport report = SqlCount.record(() -> new BookRepository(entityManager)
                    .addBookToLoadedAuthor(authorId, new Book("New", "new-1", 120)));

            assertThat(report).hasSelectCount(1).hasInsertCount(1).hasUpdateCount(1).hasDeleteCount(0);
            assertThatAssociation(entityManager.find(Author.class, authorId), Author_.books).isNotLoaded();
        });
        assertThat(tables.rowCounts()).containsEntry("book", 4L);
    }

    @Test
    @DatabaseRefusalExpected
    void refusesAnUnknownAuthorByIdAndInsertsNothing() {
        tables.createAuthor(3);
        Map<String, Long> before = tables.rowCounts();

        // The UPDATE of the author's book_count changes no row: refused before any INSERT is sent.
        assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                new BookRepository(entityManager).addBook(UNKNOWN_ID, new Book("New", "new-1", 120))))
                .isInstanceOf(UnknownIdException.class)
                .hasMessage("No Author with id " + UNKNOWN_ID)
                .hasNoCause();

        assertThat(tables.rowCounts()).isEqualTo(before);
    }

    @Test
    void theCheckedVariantRefusesAnUnknownAuthorWithoutSendingAnInsert() {
        tables.createAuthor(3);
        Map<String, Long> before = tables.rowCounts();

        fixture.factory().runInTransaction(entityManager -> {
            SqlReport report = SqlCount.record(() -> assertThatThrownBy(() -> new BookRepository(entityManager)
                    .addBookToLoadedAuthor(UNKNOWN_ID, new Book("New", "new-1", 120)))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No Author with id " + UNKNOWN_ID));

            assertThat(report).hasSelectCount(1).hasInsertCount(0);
        });
        assertThat(tables.rowCounts()).isEqualTo(before);
    }

    @Test
    @DatabaseRefusalExpected
    void refusesADuplicateIsbnByNameAndInsertsNothing() {
        long authorId = tables.createAuthor(3);
        Map<String, Long> before = tables.rowCounts();

        assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                new BookRepository(entityManager).addBook(authorId, new Book("Again", "1-1", 120))))
                .isInstanceOfSatisfying(DuplicateIsbnException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ConstraintKind.UNIQUE);
                    assertThat(refused.constraintName()).isEqualTo(Book.UK_ISBN);
                    assertThat(refused.isbn()).isEqualTo("1-1");
                })
                .hasMessage("A book with ISBN '1-1' already exists");

        assertThat(tables.rowCounts()).isEqualTo(before);
    }
}
