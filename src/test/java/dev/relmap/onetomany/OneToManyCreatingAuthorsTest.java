package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import dev.relmap.testsupport.PatternFixture;
import dev.relmap.testsupport.SequenceCalls;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What creating an author with its books costs, counted, and how a taken e-mail or ISBN is
 * refused. Sequence calls depend on how much of the pooled block (50 ids) earlier writes in the
 * unit used, so they are counted on a fresh unit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyCreatingAuthorsTest {

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

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("creates an author with M books in 1 + M INSERTs, 1 + ⌈M / 25⌉ batches, no UPDATE")
    void createsAnAuthorWithItsBooksInBatchedInserts(int m) {
        try (PatternFixture fresh = OneToManyFixture.openFresh()) {

            SqlReport report = fresh.factory().callInTransaction(entityManager ->
                    SqlCount.record(() -> new AuthorWrites(entityManager).create(SampleData.author(1, m))));

            assertThat(report)
                    .hasInsertCount(1 + m)
                    .hasBatchCount(StatementKind.INSERT, 1 + ceilDiv(m, Relmap.JDBC_BATCH_SIZE))
                    .hasUpdateCount(0)
                    .hasSelectCount(0)
                    // One call for the author; for the books, 1 + ⌈(M - 1) / 50⌉ from a fresh pooled
                    // sequence, or ⌈M / 50⌉ from Galera's hilo blocks (SequenceCalls).
                    .hasSequenceCallCount(SequenceCalls.forFreshIds(fresh.factory(), Author.class, 1)
                            + SequenceCalls.forFreshIds(fresh.factory(), Book.class, m));
            assertThat(new OneToManyFixture(fresh.factory()).rowCounts())
                    .containsEntry("author", 1L).containsEntry("book", (long) m);
        }
    }

    @Test
    @DatabaseRefusalExpected
    void refusesADuplicateEmailByNameAndWritesNothing() {
        fixture.factory().runInTransaction(entityManager -> new AuthorWrites(entityManager).create(SampleData.author(1, 2)));
        Map<String, Long> before = tables.rowCounts();

        assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                new AuthorWrites(entityManager).create(SampleData.author(1, 0))))
                .isInstanceOfSatisfying(DuplicateEmailException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ConstraintKind.UNIQUE);
                    assertThat(refused.constraintName()).isEqualTo(Author.UK_EMAIL);
                    assertThat(refused.value()).isEqualTo("author-1@relmap.dev").isEqualTo(refused.email());
                })
                .hasMessage("An author with e-mail 'author-1@relmap.dev' already exists");

        assertThat(tables.rowCounts()).isEqualTo(before);
    }

    @Test
    @DatabaseRefusalExpected
    void refusesABookWhoseIsbnIsTakenByNamingTheIsbnAndWritesNothing() {
        tables.createAuthor(2);
        Map<String, Long> before = tables.rowCounts();
        Author second = SampleData.author(2, 1);
        second.addBook(new Book("Again", "1-2", 100));

        assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                new AuthorWrites(entityManager).create(second)))
                .isInstanceOfSatisfying(DuplicateIsbnException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ConstraintKind.UNIQUE);
                    assertThat(refused.constraintName()).isEqualTo(Book.UK_ISBN);
                    assertThat(refused.value()).isEqualTo("1-2").isEqualTo(refused.isbn());
                })
                .hasMessage("A book with ISBN '1-2' already exists");

        assertThat(tables.rowCounts()).isEqualTo(before);
    }

    @Test
    void refusesANullNameByName() {
        assertThatThrownBy(() -> new Author(null, "x@relmap.dev"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }

    private static int ceilDiv(int n, int size) {
        return (n + size - 1) / size;
    }
}
