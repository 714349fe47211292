package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlCount.Recorded;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.loader.MultipleBagFetchException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fetching a collection partly, or two collections at once: what goes wrong, proven, and the
 * repository methods that do it safely.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyFetchPitfallsTest {

    private static final int M = SampleData.BOOKS_PER_AUTHOR;
    /** Only each author's third book (300 pages) is longer than this. */
    private static final int PAGES = 250;

    private static final String FILTERED_FETCH = """
            select a
            from Author a
            join fetch a.books b
            where b.pages > :pages
            order by a.id""";

    private PatternFixture fixture;

    @BeforeAll
    void open() {
        fixture = OneToManyFixture.open();
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("A filtered JOIN FETCH (SQLModel's contains_eager)")
    class FilteredJoinFetch {

        @Test
        @DisplayName("pitfall: leaves each managed books collection holding only the matching books")
        void leavesTheCollectionIncomplete() {
            fixture.seed(10);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<List<Author>> authors = SqlCount.recordResult(() -> filteredFetch(entityManager));

                assertThat(authors.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(authors.value()).hasSize(10).allSatisfy(author -> {
                    assertThatAssociation(author, Author_.books).isLoaded();
                    assertThat(author.getBooks()).extracting(Book::getPages).containsExactly(300);
                });
            });
        }

        @Test
        @DisplayName("pitfall: the incomplete collection sticks, even a full JOIN FETCH later in the same context keeps it")
        void theIncompleteCollectionSticks() {
            fixture.seed(10);
            fixture.unit().runInRolledBackTransaction(entityManager -> {
                filteredFetch(entityManager);

                List<Author> authors = new AuthorRepository(entityManager).findAllWithBooks();

                assertThat(authors).allSatisfy(author -> assertThat(author.getBooks()).hasSize(1));
            });
        }

        @Test
        @DisplayName("pitfall: orphan removal acts on the fetched books only: removing them all leaves the rest in place")
        void orphanRemovalSeesOnlyTheFetchedBooks() {
            fixture.seed(10);
            fixture.unit().runInRolledBackTransaction(entityManager -> {
                Author author = filteredFetch(entityManager).get(0);

                SqlReport report = SqlCount.record(() -> {
                    List.copyOf(author.getBooks()).forEach(author::removeBook);
                    entityManager.flush();
                });

                // The author looks bookless, but only the one fetched book was deleted.
                assertThat(report).hasDeleteCount(1).hasSelectCount(0).hasStatementCount(1);
                assertThat(author.getBooks()).isEmpty();
                assertThat(booksOf(entityManager, author.getId())).isEqualTo(M - 1);
            });
        }

        @Test
        void theSafeWayFiltersAuthorsInASubqueryAndKeepsTheirCollectionsWhole() {
            fixture.seed(10);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<List<Author>> authors = SqlCount.recordResult(() ->
                        new AuthorRepository(entityManager).findAllHavingBookLongerThan(PAGES));

                assertThat(authors.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(authors.value()).hasSize(10).allSatisfy(author -> assertThat(author.getBooks()).hasSize(M));
            });
        }

        @Test
        void theSafeWayToReadOnlyTheLongBooksQueriesTheBooks() {
            fixture.seed(10);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<List<Book>> books = SqlCount.recordResult(() -> {
                    List<Book> found = new BookRepository(entityManager).findLongerThan(PAGES);
                    found.forEach(book -> book.getAuthor().getName());
                    return found;
                });

                assertThat(books.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(books.value()).hasSize(10).extracting(Book::getPages).containsOnly(300);
            });
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("An author with two collections")
    class TwoCollections {

        @Test
        @DisplayName("pitfall: JOIN FETCH of both lists (bags) is refused with MultipleBagFetchException when run")
        void twoBagJoinFetchesThrowMultipleBagFetchException() {
            fixture.unit().runInRolledBackTransaction(entityManager ->

                    assertThatThrownBy(() -> entityManager.createQuery("""
                            select a
                            from Author a
                            left join fetch a.books
                            left join fetch a.awards""", Author.class)
                            .getResultList())

                            .isInstanceOf(IllegalArgumentException.class)
                            .hasCauseInstanceOf(MultipleBagFetchException.class));
        }

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("fetches both collections in 2 statements, one per collection, at any N")
        void fetchesBothCollectionsInTwoStatements(int n) {
            fixture.seed(n);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<List<Author>> authors = SqlCount.recordResult(() -> {
                    List<Author> found = new AuthorRepository(entityManager).findAllWithBooksAndAwards();
                    found.forEach(author -> author.getBooks().size());
                    found.forEach(author -> author.getAwards().size());
                    return found;
                });

                assertThat(authors.report()).hasSelectCount(2).hasStatementCount(2);
                assertThat(authors.value()).hasSize(n).allSatisfy(author -> {
                    assertThat(author.getBooks()).hasSize(M);
                    assertThat(author.getAwards()).hasSize(SampleData.AWARDS_PER_AUTHOR);
                });
            });
        }
    }

    private static List<Author> filteredFetch(EntityManager entityManager) {
        return entityManager.createQuery(FILTERED_FETCH, Author.class)
                .setParameter("pages", PAGES)
                .getResultList();
    }

    private static long booksOf(EntityManager entityManager, long authorId) {
        return entityManager.createQuery("select count(b) from Book b where b.author.id = :id", Long.class)
                .setParameter("id", authorId)
                .getSingleResult();
    }
}
