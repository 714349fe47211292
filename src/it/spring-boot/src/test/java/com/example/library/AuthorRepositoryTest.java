package com.example.library;

// tag::imports[]
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.AuthorBookCount;
import dev.relmap.onetomany.SampleData;
import dev.relmap.pattern.Strategy;
import dev.relmap.sqlcount.ExecutedStatement;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.junit.SqlCountExtension;
import dev.relmap.sqlcount.spring.SqlCountBeanPostProcessor;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
// end::imports[]

/** Each Spring Data method of {@link AuthorRepository}, counted, for 10 authors with 3 books each. */
// tag::data-jpa-test[]
@DataJpaTest
@Import(SqlCountBeanPostProcessor.class) // every DataSource bean, wrapped by the kit
@ExtendWith(SqlCountExtension.class)
class AuthorRepositoryTest {

    private static final int AUTHORS = 10;

    @Autowired
    private AuthorRepository authors;

    @Autowired
    private EntityManager entityManager;

    @BeforeEach
    void seed() {
        SampleData.seed(entityManager, AUTHORS); // rolled back after each test, like the test's own writes
    }

    @Test
    void findAllThenTouchingTheBooksIsOnePlusN() {
        SqlReport report = SqlCount.recordAfterFlushAndClear(entityManager,
                () -> authors.findAll().forEach(author -> author.getBooks().size()));

        assertThat(report).hasSelectCount(1 + AUTHORS).hasNPlusOne();
    }

    @Test
    void theEntityGraphLoadsTheBooksInOneSelect() {
        SqlReport report = SqlCount.recordAfterFlushAndClear(entityManager,
                () -> authors.findAllByOrderByIdAsc().forEach(author -> author.getBooks().size()));

        assertThat(report).hasSelectCount(1).hasNoNPlusOne();
    }
    // end::data-jpa-test[]

    @Test
    void theJoinFetchQueryLoadsTheBooksInOneSelect() {
        SqlReport report = SqlCount.recordAfterFlushAndClear(entityManager,
                () -> authors.findAllWithBooks().forEach(author -> author.getBooks().size()));

        assertThat(report).hasSelectCount(1).hasNoNPlusOne();
    }

    @Test
    void theBookCountsAreOneSelectIntoRecords() {
        SqlCount.Recorded<List<AuthorBookCount>> counts = SqlCount.recordResult(authors::findBookCounts);

        assertThat(counts.report()).hasSelectCount(1);
        assertThat(counts.value()).hasSize(AUTHORS).allSatisfy(count -> assertThat(count.books()).isEqualTo(3));
    }

    @Test
    void aPageOfIdsThenTheFetchIsTwoSelectsWithTheLimitInSql() {
        SqlCount.flushAndClear(entityManager);

        SqlCount.Recorded<List<Author>> page = SqlCount.recordResult(() -> authors.findPageWithBooks(1, 3));

        assertThat(page.report()).hasSelectCount(2);
        assertThat(page.report().statements().get(0).sql()).containsIgnoringCase("offset");
        assertThat(page.value()).extracting(Author::getName).containsExactly("Author 4", "Author 5", "Author 6");
    }

    @Test
    void onHibernate72APageableJoinFetchReadsEveryRowAndPagesInMemory() {
        SqlCount.flushAndClear(entityManager);

        SqlCount.Recorded<Page<Author>> page = SqlCount.recordResult(() -> authors.findAllWithBooks(PageRequest.of(1, 3)));

        assertThat(Version.getVersionString()).startsWith("7.2.");
        assertThat(page.report()).hasSelectCount(2); // the rows, then the count: the same as when paged in SQL
        List<String> sqls = page.report().statements().stream().map(ExecutedStatement::sql).toList();
        assertThat(sqls.get(0)).doesNotContainIgnoringCase("offset").doesNotContainIgnoringCase("fetch first");
        assertThat(page.value().getContent()).extracting(Author::getName)
                .containsExactly("Author 4", "Author 5", "Author 6");
    }

    @Test
    void relmapsOneQueryPageStrategyRefusesTheInMemoryPageInsteadOfReportingItKept() {
        Strategy onePage = new OneToManyPattern().strategy("page: JOIN FETCH + limit");

        assertThatIllegalStateException()
                .isThrownBy(() -> onePage.run().applyAsInt(entityManager))
                .withMessageStartingWith("Hibernate 7.2.19.Final paged in memory (HHH90003004)");
    }
}
