package dev.relmap.manytomany.link;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Changing a book's credits and reading one book's authors, each with its exact statements;
 * creating a book is {@link BookCreationTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookRepositoryTest {

    private PatternFixture fixture;
    private ManyToManyFixture tables;

    @BeforeAll
    void open() {
        fixture = ManyToManyFixture.open();
        tables = new ManyToManyFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @BeforeEach
    void emptyTables() {
        fixture.clear();
    }

    @Nested
    @DisplayName("Books: changing credits")
    class ChangingCredits {

        private List<Long> authorIds;
        private long bookId;

        @BeforeEach
        void aBookWithTwoAuthors() {
            authorIds = tables.authors(3);
            bookId = tables.book("978-0441013593", authorIds.subList(0, 2));
        }

        @Test
        void addingAnAuthorReadsTheBookWithItsLinksOnceAndInsertsOneRow() {
            AtomicReference<SqlReport> report = new AtomicReference<>();

            fixture.factory().runInTransaction(entityManager -> report.set(SqlCount.record(() -> new BookRepository(entityManager)
                    .addAuthor(bookId, authorIds.get(2), AuthorRole.ILLUSTRATOR))));

            assertThat(report.get()).hasSelectCount(1).hasInsertCount(1).hasUpdateCount(0).hasDeleteCount(0);
            assertThat(tables.links()).contains(bookId + "/" + authorIds.get(2) + "/ILLUSTRATOR");
        }

        @Test
        void changingARoleIsExactlyOneUpdate() {
            AtomicReference<SqlReport> report = new AtomicReference<>();

            fixture.factory().runInTransaction(entityManager -> report.set(SqlCount.record(() -> new BookRepository(entityManager)
                    .changeRole(bookId, authorIds.get(1), AuthorRole.ILLUSTRATOR))));

            assertThat(report.get()).hasSelectCount(1).hasUpdateCount(1).hasInsertCount(0).hasDeleteCount(0);
            assertThat(tables.links()).containsExactly(
                    bookId + "/" + authorIds.get(0) + "/WRITER", bookId + "/" + authorIds.get(1) + "/ILLUSTRATOR");
        }

        @Test
        void removingAnAuthorIsExactlyOneDeleteAndLeavesTheOtherLinkAlone() {
            AtomicReference<SqlReport> report = new AtomicReference<>();

            fixture.factory().runInTransaction(entityManager -> report.set(SqlCount.record(() -> new BookRepository(entityManager)
                    .removeAuthor(bookId, authorIds.get(1)))));

            assertThat(report.get()).hasSelectCount(1).hasDeleteCount(1).hasInsertCount(0).hasUpdateCount(0);
            assertThat(tables.links()).containsExactly(bookId + "/" + authorIds.get(0) + "/WRITER");
        }

        @Nested
        @DatabaseRefusalExpected
        @DisplayName("Books: changing credits, refused")
        class Refused {

            @Test
            void anAuthorAlreadyCreditedIsADuplicateAndNothingChanges() {
                List<String> before = tables.links();

                assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager -> new BookRepository(entityManager)
                                .addAuthor(bookId, authorIds.get(0), AuthorRole.EDITOR)))
                        .isInstanceOf(DuplicateLinkException.class)
                        .hasMessageContaining("Author(" + authorIds.get(0) + ",");

                assertThat(tables.links()).isEqualTo(before);
            }

            @Test
            void anUnknownBookIdIsNamed() {
                List<String> before = tables.links();

                assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager -> new BookRepository(entityManager)
                                .addAuthor(bookId + 1_000, authorIds.get(2), AuthorRole.EDITOR)))
                        .isInstanceOf(UnknownIdException.class)
                        .hasMessage("No Book with id " + (bookId + 1_000));

                assertThat(tables.links()).isEqualTo(before);
            }

            @Test
            void anUnknownAuthorIdIsNamed() {
                List<String> before = tables.links();
                long unknown = authorIds.get(2) + 1_000;

                assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager -> new BookRepository(entityManager)
                                .addAuthor(bookId, unknown, AuthorRole.EDITOR)))
                        .isInstanceOf(UnknownIdException.class)
                        .hasMessage("No Author with id " + unknown)
                        .cause()
                        .isInstanceOfSatisfying(ConstraintViolationException.class, violation -> {
                            assertThat(violation.getKind()).isEqualTo(ConstraintKind.FOREIGN_KEY);
                            assertThat(Constraints.nameOf(violation)).isEqualTo(BookAuthorLink.FK_AUTHOR);
                        });

                assertThat(tables.links()).isEqualTo(before);
            }

            @Test
            void removingAnAuthorWhoIsNotCreditedIsNamedAndNothingChanges() {
                List<String> before = tables.links();

                assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager -> new BookRepository(entityManager)
                                .removeAuthor(bookId, authorIds.get(2))))
                        .isInstanceOf(UnknownLinkException.class)
                        .hasMessageContaining("does not credit Author(" + authorIds.get(2) + ",");

                assertThat(tables.links()).isEqualTo(before);
            }
        }
    }

    @Nested
    @DisplayName("Books: reading one book")
    class ReadingOneBook {

        @Test
        void itsAuthorsComeWritersFirstThenEditorsThenIllustratorsInOneSelect() {
            List<Long> authorIds = tables.authors(4);
            long bookId = fixture.factory().callInTransaction(entityManager -> {
                Book book = new Book("Watchmen", "978-0930289232");
                book.addAuthor(entityManager.getReference(Author.class, authorIds.get(0)), AuthorRole.ILLUSTRATOR);
                book.addAuthor(entityManager.getReference(Author.class, authorIds.get(1)), AuthorRole.WRITER);
                book.addAuthor(entityManager.getReference(Author.class, authorIds.get(2)), AuthorRole.EDITOR);
                book.addAuthor(entityManager.getReference(Author.class, authorIds.get(3)), AuthorRole.WRITER);
                entityManager.persist(book);
                return book.getId();
            });
            AtomicReference<List<BookAuthorView>> authors = new AtomicReference<>();

            fixture.unit().runInRolledBackTransaction(entityManager -> assertThat(SqlCount.record(
                            () -> authors.set(new BookRepository(entityManager).authorsOf(bookId))))
                    .hasSelectCount(1));

            assertThat(authors.get())
                    .extracting(BookAuthorView::name, BookAuthorView::role)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Author 1", AuthorRole.WRITER),
                            org.assertj.core.groups.Tuple.tuple("Author 3", AuthorRole.WRITER),
                            org.assertj.core.groups.Tuple.tuple("Author 2", AuthorRole.EDITOR),
                            org.assertj.core.groups.Tuple.tuple("Author 0", AuthorRole.ILLUSTRATOR));
        }
    }
}
