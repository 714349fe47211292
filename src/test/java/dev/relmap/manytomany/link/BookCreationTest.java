package dev.relmap.manytomany.link;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Creating a book credited to existing authors: its exact statements, and each refusal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookCreationTest {

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

    @DisplayName("a book with K existing authors is 1 book INSERT and K link INSERTs, batched, and no SELECT")
    @ParameterizedTest(name = "K = {0}")
    @ValueSource(ints = {1, 10, 1000})
    void insertsTheBookAndItsLinksWithoutReadingTheAuthors(int k) {
        List<Long> authorIds = tables.authors(k);
        List<AuthorCredit> credits = authorIds.stream().map(AuthorCredit::writer).toList();
        AtomicReference<SqlReport> report = new AtomicReference<>();

        fixture.factory().runInTransaction(entityManager -> report.set(SqlCount.record(
                () -> new BookRepository(entityManager).create("Dune", "978-0441013593", credits))));

        // Sequence calls are left out: the pooled optimizer takes 50 book ids per call, so
        // whether this book needs one depends on how many books the unit made before.
        assertThat(report.get())
                .hasSelectCount(0)
                .hasInsertCount(1 + k)
                .hasBatchCount(StatementKind.INSERT, 1 + (k + 24) / 25)
                .hasUpdateCount(0);
        assertThat(fixture.count("BookAuthorLink")).isEqualTo(k);
    }

    @Test
    @DatabaseRefusalExpected
    void anUnknownAuthorIdIsNamedAndNothingIsWritten() {
        List<Long> authorIds = tables.authors(2);
        long unknown = authorIds.get(1) + 1_000;
        List<String> linksBefore = tables.links();

        assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager -> new BookRepository(entityManager)
                        .create("Dune", "978-0441013593", List.of(
                                AuthorCredit.writer(authorIds.get(0)), AuthorCredit.writer(unknown)))))
                .isInstanceOf(UnknownIdException.class)
                .hasMessage("No Author with id " + unknown)
                .cause()
                .isInstanceOfSatisfying(ConstraintViolationException.class, violation -> {
                    assertThat(violation.getKind()).isEqualTo(ConstraintKind.FOREIGN_KEY);
                    assertThat(Constraints.nameOf(violation)).isEqualTo(BookAuthorLink.FK_AUTHOR);
                });

        assertThat(fixture.count("Book")).isZero();
        assertThat(tables.links()).isEqualTo(linksBefore);
    }

    @Test
    void theSameAuthorTwiceIsRefusedBeforeAnyStatement() {
        long author = tables.authors(1).get(0);
        AtomicReference<SqlReport> report = new AtomicReference<>();

        assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager -> report.set(SqlCount.record(
                        () -> new BookRepository(entityManager).create("Dune", "978-0441013593",
                                List.of(AuthorCredit.writer(author), new AuthorCredit(author, AuthorRole.EDITOR)))))))
                .isInstanceOf(DuplicateLinkException.class)
                .hasMessageContaining("already credits Author(" + author + ",");

        assertThat(fixture.count("Book")).isZero();
        assertThat(fixture.count("BookAuthorLink")).isZero();
    }

    @Test
    @DatabaseRefusalExpected
    void aTakenIsbnIsNamedAndNothingIsWritten() {
        List<Long> authorIds = tables.authors(2);
        tables.book("978-0441013593", List.of(authorIds.get(0)));
        List<String> linksBefore = tables.links();

        assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager -> new BookRepository(entityManager)
                        .create("Dune Messiah", "978-0441013593", List.of(AuthorCredit.writer(authorIds.get(1))))))
                .isInstanceOfSatisfying(DuplicateIsbnException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ConstraintKind.UNIQUE);
                    assertThat(refused.constraintName()).isEqualTo(Book.UK_ISBN);
                    assertThat(refused.isbn()).isEqualTo("978-0441013593");
                })
                .hasMessage("A book with ISBN '978-0441013593' already exists");

        assertThat(fixture.count("Book")).isEqualTo(1);
        assertThat(tables.links()).isEqualTo(linksBefore);
    }
}
