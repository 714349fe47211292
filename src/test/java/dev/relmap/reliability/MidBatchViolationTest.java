package dev.relmap.reliability;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.AuthorWrites;
import dev.relmap.onetomany.Book;
import dev.relmap.onetomany.DuplicateIsbnException;
import dev.relmap.onetomany.SampleData;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A constraint violation in the middle of a batch: an author with 1000 books whose 500th book
 * carries an ISBN another author's book already has. The INSERTs go out in batches of
 * {@value Relmap#JDBC_BATCH_SIZE}, so earlier batches reached the database before the refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A duplicate ISBN at row 500 of 1000")
@DatabaseRefusalExpected
class MidBatchViolationTest {

    private static final String TAKEN = "1-2";

    private RelmapUnit unit;

    @BeforeAll
    void open() {
        unit = PatternUnits.unit(new OneToManyPattern()).named("reliability-mid-batch")
                .recreateSchemaAndOpen(DatabaseSettings.current());
        unit.entityManagerFactory().runInTransaction(em -> em.persist(SampleData.author(1, 3)));
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @Test
    @DisplayName("commits nothing, names the ISBN, and leaves the persistence context closed, not reused")
    void commitsNothingAndNamesTheIsbn() {
        Author author = new Author("Author 2", "author-2@relmap.dev");
        for (int j = 1; j <= 1000; j++) {
            author.addBook(new Book("Book 2." + j, j == 500 ? TAKEN : "2-" + j, 100));
        }
        AtomicReference<EntityManager> used = new AtomicReference<>();

        Throwable refusal = catchThrowable(() -> unit.entityManagerFactory().runInTransaction(em -> {
            used.set(em);
            new AuthorWrites(em).create(author);
        }));

        assertThat(refusal).isInstanceOf(DuplicateIsbnException.class)
                .hasMessage("A book with ISBN '" + TAKEN + "' already exists");
        assertThat(used.get().isOpen()).as("the EntityManager of the failed transaction").isFalse();
        assertThat(rows("Author")).isEqualTo(1);
        assertThat(rows("Book")).isEqualTo(3);
    }

    @Test
    @DisplayName("had already sent the batches before the refusal: only the rollback undoes them")
    void earlierBatchesReachedTheDatabase() {
        Author author = new Author("Author 3", "author-3@relmap.dev");
        for (int j = 1; j <= 1000; j++) {
            author.addBook(new Book("Book 3." + j, j == 500 ? TAKEN : "3-" + j, 100));
        }
        AtomicReference<SqlReport> sent = new AtomicReference<>();

        catchThrowable(() -> unit.entityManagerFactory().runInTransaction(
                em -> catchAndRethrow(() -> new AuthorWrites(em).create(author), sent)));

        // The author, then the books in batches of 25: the 20th batch of books holds book 500 and is
        // refused. 501 INSERTs were sent in 21 batches, the same on H2, PostgreSQL and MariaDB.
        assertThat(sent.get()).hasInsertCount(501).hasBatchCount(StatementKind.INSERT, 21);
        assertThat(rows("Book")).isEqualTo(3);
    }

    /** Runs {@code work} recorded, keeps what it sent in {@code sent}, and rethrows its failure. */
    private static void catchAndRethrow(Runnable work, AtomicReference<SqlReport> sent) {
        try (var recording = SqlCount.start()) {
            try {
                work.run();
            } finally {
                sent.set(recording.stop());
            }
        }
    }

    private long rows(String entity) {
        return unit.entityManagerFactory().callInTransaction(em -> em.createQuery(
                "select count(e) from " + entity + " e", Long.class).getSingleResult());
    }
}
