package com.example.catalog;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.AuthorBookCount;
import dev.relmap.onetomany.AuthorRepository;
import dev.relmap.sqlcount.ExecutedStatement;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.junit.SqlCountExtension;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.List;
import org.hibernate.LazyInitializationException;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Jakarta Data repository beside relmap's hand-written one, counted the same way, for 10 authors. */
@ExtendWith(SqlCountExtension.class)
class AuthorCatalogTest {

    private static final int AUTHORS = 10;

    private static RelmapUnit unit;
    private StatelessSession session;
    private AuthorCatalog catalog;

    @BeforeAll
    static void open() {
        OneToManyPattern pattern = new OneToManyPattern();
        unit = PatternUnits.recreateSchemaAndOpen(pattern, DatabaseSettings.current());
        unit.entityManagerFactory().runInTransaction(em -> pattern.seed(em, AUTHORS));
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    // tag::open[]
    @BeforeEach
    void begin() {
        session = unit.entityManagerFactory().unwrap(SessionFactory.class).openStatelessSession();
        session.beginTransaction();
        catalog = new AuthorCatalog_(session); // written by hibernate-processor
    }
    // end::open[]

    @AfterEach
    void end() {
        session.getTransaction().rollback();
        session.close();
    }

    @Test
    void theQueryMethodJoinsTheBooksInOneSelectLikeTheHandWrittenRepository() {
        SqlReport jakartaData = SqlCount.record(() -> catalog.authorsWithBooks().forEach(author -> author.getBooks().size()));
        SqlReport handWritten = unit.callInRolledBackTransaction(em -> SqlCount.record(
                () -> new AuthorRepository(em).findAllWithBooks().forEach(author -> author.getBooks().size())));

        assertThat(jakartaData).hasSelectCount(1).hasNoNPlusOne();
        assertThat(handWritten).hasSelectCount(1).hasNoNPlusOne();
    }

    @Test
    void theFindMethodLeavesTheBooksUnfetchedAndTouchingThemThrowsInsteadOfLoading() {
        SqlCount.Recorded<List<Author>> authors = SqlCount.recordResult(catalog::authors);
        Author first = authors.value().get(0);

        assertThat(authors.report()).hasSelectCount(1);
        assertThatAssociation(first, "books").isNotLoaded();
        SqlReport touch = SqlCount.record(() -> assertThatExceptionOfType(LazyInitializationException.class)
                .isThrownBy(() -> first.getBooks().size()));
        assertThat(touch).hasNoStatements();
    }

    @Test
    void theBookCountsAreOneSelectIntoRecords() {
        SqlCount.Recorded<List<AuthorBookCount>> counts = SqlCount.recordResult(catalog::bookCounts);

        assertThat(counts.report()).hasSelectCount(1);
        assertThat(counts.value()).hasSize(AUTHORS).allSatisfy(count -> assertThat(count.books()).isEqualTo(3));
    }

    @Test
    void aPageIsLimitedInSqlAndCountedInASecondSelect() {
        SqlCount.Recorded<Page<Author>> page = SqlCount.recordResult(() -> catalog.authors(PageRequest.ofPage(2, 3, true)));

        assertThat(page.report()).hasSelectCount(2);
        assertThat(page.report().statements()).extracting(ExecutedStatement::sql)
                .anySatisfy(select -> assertThat(select).startsWith("select count(*)"))
                .anySatisfy(select -> assertThat(select).containsIgnoringCase("offset"));
        assertThat(page.value().content()).extracting(Author::getName).containsExactly("Author 4", "Author 5", "Author 6");
        assertThat(page.value().totalElements()).isEqualTo(AUTHORS);
    }
}
