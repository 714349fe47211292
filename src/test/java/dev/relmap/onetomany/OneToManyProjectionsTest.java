package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading from the books' side and into records: every author's book count, every book with its
 * author's name or entity, each in one statement, and the N+1 of reading a book's lazy author.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyProjectionsTest {

    private static final int M = SampleData.BOOKS_PER_AUTHOR;

    private PatternFixture fixture;

    @BeforeAll
    void open() {
        fixture = OneToManyFixture.open();
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void countsEveryAuthorsBooksInOneStatementIncludingAuthorsWithoutBooks() {
        fixture.seed(10);
        fixture.unit().runInRolledBackTransaction(entityManager -> {
            entityManager.persist(new Author("No Books Yet", "no-books@relmap.dev"));
            SqlCount.flushAndClear(entityManager);

            var counts = SqlCount.recordResult(() -> new AuthorRepository(entityManager).findBookCounts());

            assertThat(counts.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(counts.value()).hasSize(11);
            assertThat(counts.value().get(0)).extracting(AuthorBookCount::name, AuthorBookCount::books)
                    .containsExactly("Author 1", (long) M);
            assertThat(counts.value().get(10)).extracting(AuthorBookCount::name, AuthorBookCount::books)
                    .containsExactly("No Books Yet", 0L);
        });
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    void readsEveryBookWithItsAuthorsNameInOneStatement(int n) {
        fixture.seed(n);
        fixture.unit().runInRolledBackTransaction(entityManager -> {

            var summaries = SqlCount.recordResult(() -> new BookRepository(entityManager).findSummaries());

            assertThat(summaries.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(summaries.value()).hasSize(n * M);
            assertThat(summaries.value().get(0)).extracting(BookSummary::title, BookSummary::authorName)
                    .containsExactly("Book 1.1", "Author 1");
        });
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    void fetchesEveryBookWithItsAuthorEntityInOneStatement(int n) {
        fixture.seed(n);
        fixture.unit().runInRolledBackTransaction(entityManager -> {

            var books = SqlCount.recordResult(() -> {
                List<Book> found = new BookRepository(entityManager).findAllWithAuthor();
                found.forEach(book -> book.getAuthor().getName());
                return found;
            });

            assertThat(books.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(books.value()).hasSize(n * M)
                    .allSatisfy(book -> assertThatAssociation(book, Book_.author).isLoaded());
        });
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("without the fetch, reading each book's author costs 1 + N statements (one per distinct author)")
    void readingBooksAuthorsLazilyIsNPlusOne(int n) {
        fixture.seed(n);
        fixture.unit().runInRolledBackTransaction(entityManager -> {

            SqlReport report = SqlCount.record(() -> entityManager
                    .createQuery("select b from Book b order by b.id", Book.class)
                    .getResultList()
                    .forEach(book -> book.getAuthor().getName()));

            assertThat(report).hasSelectCount(1 + n).hasStatementCount(1 + n);
        });
    }
}
