package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlCount.Recorded;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import java.util.stream.IntStream;
import org.hibernate.jpa.HibernateHints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page of authors with their books, two ways, pinned to what Hibernate 7.4.13 really does: a
 * Hibernate upgrade that changes the statement count or the SQL shape fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyPagingTest {

    private static final int M = SampleData.BOOKS_PER_AUTHOR;
    private static final int SIZE = OneToManyPattern.PAGE_SIZE;

    /** The limit sits on the authors, inside the derived table; the books are joined outside it. */
    private static final String LIMIT_IN_DERIVED_TABLE =
            "(?i)^select .+ from \\(select [^()]+ from author \\w+ order by \\w+\\.id (limit|offset|fetch) [^()]+\\)"
                    + " \\w+(\\([^()]*\\))? left join book \\w+ on [^()]+ order by \\w+\\.id$";

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
    @DisplayName("Paging authors: a page of ids, then one fetch")
    class PageOfIdsThenFetch {

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        void pagesAuthorsWithTheirBooksInTwoStatementsAtAnyN(int n) {
            fixture.seed(n);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<List<Author>> page = SqlCount.recordResult(() ->
                        new AuthorRepository(entityManager).findPageWithBooks(0, SIZE));

                assertThat(page.report()).hasSelectCount(2).hasStatementCount(2);
                assertThat(page.value()).hasSize(Math.min(n, SIZE))
                        .allSatisfy(author -> assertThat(author.getBooks()).hasSize(M));
            });
        }

        @Test
        void returnsTheRightPageAtAThousandAuthors() {
            fixture.seed(1000);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                List<Author> page = new AuthorRepository(entityManager).findPageWithBooks(3, SIZE);

                assertThat(page).extracting(Author::getName).containsExactlyElementsOf(authorNames(31, 40));
            });
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("Paging authors: JOIN FETCH with setMaxResults")
    class JoinFetchWithMaxResults {

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("pages in one statement, the limit inside a derived table of authors (new in 7.4)")
        void pagesInOneStatementWithTheLimitInsideADerivedTable(int n) {
            fixture.seed(n);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<List<Author>> page = SqlCount.recordResult(() ->
                        new AuthorRepository(entityManager).findPageWithBooksInOneQuery(0, SIZE));

                assertThat(page.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(oneLine(page.report().statements().get(0).sql())).matches(LIMIT_IN_DERIVED_TABLE);
                assertThat(page.value()).hasSize(Math.min(n, SIZE))
                        .allSatisfy(author -> assertThat(author.getBooks()).hasSize(M));
            });
        }

        @Test
        void returnsTheRightPageAtAThousandAuthors() {
            fixture.seed(1000);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                List<Author> page = new AuthorRepository(entityManager).findPageWithBooksInOneQuery(3, SIZE);

                assertThat(page).extracting(Author::getName).containsExactlyElementsOf(authorNames(31, 40));
                assertThat(page).allSatisfy(author -> assertThat(author.getBooks()).hasSize(M));
            });
        }

        @Test
        @DisplayName("the hint org.hibernate.limitInMemory brings back 6.x paging: every row read, paged in memory")
        void theLimitInMemoryHintReadsEveryRow() {
            fixture.seed(1000);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<List<Author>> page = SqlCount.recordResult(() -> entityManager.createQuery("""
                        select a
                        from Author a
                        left join fetch a.books
                        order by a.id""", Author.class)
                        .setHint(HibernateHints.HINT_LIMIT_IN_MEMORY, true)
                        .setFirstResult(3 * SIZE)
                        .setMaxResults(SIZE)
                        .getResultList());

                assertThat(page.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(page.report().statements().get(0).sql()).doesNotContainPattern("(?i)limit|fetch first");
                assertThat(page.value()).extracting(Author::getName).containsExactlyElementsOf(authorNames(31, 40));
            });
        }

        @Test
        @DisplayName("pitfall: once the same HQL ran without a limit, a later setMaxResults is silently ignored")
        void aCachedUnlimitedPlanMakesALaterLimitBeIgnored() {
            fixture.seed(1000);
            String hql = """
                    select pitfall
                    from Author pitfall
                    left join fetch pitfall.books
                    order by pitfall.id""";
            fixture.unit().runInRolledBackTransaction(entityManager -> {
                entityManager.createQuery(hql, Author.class).getResultList();
                entityManager.clear();

                Recorded<List<Author>> page = SqlCount.recordResult(() -> entityManager
                        .createQuery(hql, Author.class)
                        .setFirstResult(3 * SIZE)
                        .setMaxResults(SIZE)
                        .getResultList());

                // Hibernate 7.4.13 reuses the plan it cached for the unlimited run: no limit, no
                // offset, every author. AuthorRepository words its paged query apart for this reason.
                assertThat(page.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(page.report().statements().get(0).sql()).doesNotContainPattern("(?i)limit|fetch first");
                assertThat(page.value()).hasSize(1000);
                assertThat(page.value().get(0).getName()).isEqualTo("Author 1");
            });
        }
    }

    private static List<String> authorNames(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "Author " + i).toList();
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }
}
