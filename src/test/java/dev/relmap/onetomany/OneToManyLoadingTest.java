package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;
import org.hibernate.LazyInitializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each way of reading authors and books costs, for N authors with M books each. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyLoadingTest {

    private static final int M = SampleData.BOOKS_PER_AUTHOR;
    private static final int BATCH = AuthorRepository.FETCH_BATCH_SIZE;

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
    @DisplayName("Loading books: lazy by default")
    class LazyByDefault {

        @Test
        void findsOneAuthorInOneStatementWithoutItsBooks() {
            fixture.seed(10);
            fixture.unit().runInRolledBackTransaction(entityManager -> {
                long id = firstAuthorId(entityManager);

                var found = SqlCount.recordResult(() -> new AuthorRepository(entityManager).findById(id));

                assertThat(found.report()).hasSelectCount(1).hasStatementCount(1);
                Author author = found.value().orElseThrow();
                assertThatAssociation(author, Author_.books).isNotLoaded();
                assertThat(SqlCount.record(() -> author.getBooks().size())).hasSelectCount(1);
                assertThatAssociation(author, Author_.books).isLoaded();
            });
        }

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("touching every author's books costs 1 + N statements, flagged as N+1")
        void touchingEveryAuthorsBooksIsNPlusOne(int n) {
            fixture.seed(n);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                SqlReport report = SqlCount.record(() ->
                        touchBooks(new AuthorRepository(entityManager).findAll()));

                assertThat(report).hasSelectCount(1 + n).hasStatementCount(1 + n);
                // A single lazy load is not yet a pattern: the kit needs two executions of a shape.
                assertThat(report.hasNPlusOne()).isEqualTo(n > 1);
            });
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("Loading books in one statement")
    class InOneStatement {

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        void fetchesAllAuthorsWithTheirBooksInOneStatement(int n) {
            assertLoadsEveryAuthorWithBooksInOneStatement(n, AuthorRepository::findAllWithBooks);
        }

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        void fetchesThemInOneStatementThroughTheNamedEntityGraph(int n) {
            assertLoadsEveryAuthorWithBooksInOneStatement(n, AuthorRepository::findAllWithBooksByNamedGraph);
        }

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        void fetchesThemInOneStatementThroughTheTypedEntityGraph(int n) {
            assertLoadsEveryAuthorWithBooksInOneStatement(n, AuthorRepository::findAllWithBooksByTypedGraph);
        }

        private void assertLoadsEveryAuthorWithBooksInOneStatement(
                int n, Function<AuthorRepository, List<Author>> query) {
            fixture.seed(n);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                var authors = SqlCount.recordResult(() -> {
                    List<Author> found = query.apply(new AuthorRepository(entityManager));
                    touchBooks(found);
                    return found;
                });

                assertThat(authors.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(authors.value()).hasSize(n).doesNotHaveDuplicates()
                        .allSatisfy(author -> assertThatAssociation(author, Author_.books).isLoaded())
                        .allSatisfy(author -> assertThat(author.getBooks()).hasSize(M));
            });
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("Loading books by batch and subselect fetching")
    class BatchAndSubselectFetching {

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("batch fetching loads the books in 1 + ⌈N / 10⌉ statements")
        void batchFetchingLoadsBooksTenAuthorsAtATime(int n) {
            fixture.seed(n);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                SqlReport report = SqlCount.record(() ->
                        touchBooks(new AuthorRepository(entityManager).findAllThenBatchFetchBooks(BATCH)));

                assertThat(report).hasSelectCount(1 + ceilDiv(n, BATCH)).hasStatementCount(1 + ceilDiv(n, BATCH))
                        .hasNoNPlusOne();
            });
        }

        @Test
        void batchFetchingIsReportedAsBatchFetchNotNPlusOne() {
            fixture.seed(1000);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                SqlReport report = SqlCount.record(() ->
                        touchBooks(new AuthorRepository(entityManager).findAllThenBatchFetchBooks(BATCH)));

                assertThat(report).hasBatchFetch(1000 / BATCH, 1000).hasNoNPlusOne();
            });
        }

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("subselect fetching loads every author's books in 2 statements, the second repeating the first")
        void subselectFetchingLoadsAllBooksInASecondStatement(int n) {
            fixture.seed(n);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                SqlReport report = SqlCount.record(() ->
                        touchBooks(new AuthorRepository(entityManager).findAllThenSubselectBooks()));

                assertThat(report).hasSelectCount(2).hasStatementCount(2);
                // With a single author Hibernate loads its books by key; from two on, by the subquery.
                assertThat(report.statements().get(1).sql()).containsPattern(n == 1
                        ? "(?i)where \\w+\\.author_id=\\?$"
                        : "(?i)in \\(select \\w+\\.id from author");
            });
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("Books after the EntityManager closes")
    class AfterTheEntityManagerCloses {

        @Test
        void touchingUnfetchedBooksThrowsLazyInitializationException() {
            fixture.seed(10);

            List<Author> authors = fixture.factory().callInTransaction(entityManager ->
                    new AuthorRepository(entityManager).findAll());

            assertThatThrownBy(() -> authors.get(0).getBooks().size())
                    .isInstanceOf(LazyInitializationException.class)
                    .hasMessageContaining("Author.books");
        }

        @Test
        void booksFetchedByTheRepositoryStayReadable() {
            fixture.seed(10);

            List<Author> authors = fixture.factory().callInTransaction(entityManager ->
                    new AuthorRepository(entityManager).findAllWithBooks());

            assertThat(authors).hasSize(10).allSatisfy(author -> assertThat(author.getBooks()).hasSize(M));
        }
    }

    static long firstAuthorId(EntityManager entityManager) {
        return entityManager.createQuery("select min(a.id) from Author a", Long.class).getSingleResult();
    }

    static int touchBooks(List<Author> authors) {
        return authors.stream().mapToInt(author -> author.getBooks().size()).sum();
    }

    private static int ceilDiv(int n, int size) {
        return (n + size - 1) / size;
    }
}
