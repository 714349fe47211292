package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The denormalised {@code Author.bookCount}: what each add and remove costs to keep it, what the
 * list of authors with their counts saves by reading it, and the check that it never drifts from
 * the real number of books (run after every test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyBookCountTest {

    private static final int UNKNOWN_ID = 999_999;

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

    @AfterEach
    void everyStoredCountEqualsTheRealCount() {
        assertThat(tables.driftedBookCounts()).isEmpty();
    }

    @Nested
    @DisplayName("Writes: what each add and remove costs in statements")
    class Writes {

        @BeforeEach
        void startEmpty() {
            fixture.clear();
        }

        @Test
        @DisplayName("a new author's count is written by its INSERT: no UPDATE")
        void creatingAnAuthorWritesTheCountInItsInsert() {
            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new AuthorWrites(entityManager).create(SampleData.author(1, 3))));

            assertThat(report).hasInsertCount(1 + 3).hasUpdateCount(0).hasSelectCount(0);
            assertThat(storedCount(authorId())).isEqualTo(3);
        }

        @Test
        @DisplayName("adding a book costs 1 UPDATE (book_count + 1) and 1 INSERT, no SELECT")
        void addingABookCostsOneUpdateAndOneInsert() {
            long authorId = tables.createAuthor(3);

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new BookRepository(entityManager).addBook(authorId, new Book("New", "new-1", 120))));

            assertThat(report).hasUpdateCount(1).hasInsertCount(1).hasSelectCount(0).hasDeleteCount(0);
            assertThat(storedCount(authorId)).isEqualTo(4);
        }

        @Test
        @DisplayName("removing a book costs 1 SELECT, 1 UPDATE (book_count - 1) and 1 DELETE")
        void removingABookCostsOneSelectOneUpdateAndOneDelete() {
            long authorId = tables.createAuthor(3);
            long bookId = fixture.factory().callInTransaction(entityManager ->
                    entityManager.find(Author.class, authorId).getBooks().get(0).getId());

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() -> {
                new BookRepository(entityManager).removeBook(authorId, bookId);
                entityManager.flush();
            }));

            assertThat(report).hasSelectCount(1).hasUpdateCount(1).hasDeleteCount(1).hasInsertCount(0);
            assertThat(storedCount(authorId)).isEqualTo(2);
        }

        @Test
        @DisplayName("an unknown author is found out by the UPDATE: no INSERT is sent, nothing changes")
        void anUnknownAuthorIsRefusedBeforeAnyInsert() {
            tables.createAuthor(3);
            Map<String, Long> before = tables.rowCounts();

            fixture.unit().runInRolledBackTransaction(entityManager -> {
                SqlReport report = SqlCount.record(() -> assertThatThrownBy(() -> new BookRepository(entityManager)
                        .addBook(UNKNOWN_ID, new Book("New", "new-1", 120)))
                        .isInstanceOf(UnknownIdException.class)
                        .hasMessage("No Author with id " + UNKNOWN_ID));

                assertThat(report).hasUpdateCount(1).hasInsertCount(0);
            });
            assertThat(tables.rowCounts()).isEqualTo(before);
        }

        @Test
        @DisplayName("an author loaded before the add sees its count follow in memory")
        void aLoadedAuthorsCountFollowsTheAdd() {
            long authorId = tables.createAuthor(3);

            fixture.factory().runInTransaction(entityManager -> {
                Author loaded = entityManager.find(Author.class, authorId);

                new BookRepository(entityManager).addBook(authorId, new Book("New", "new-1", 120));

                assertThat(loaded.getBookCount()).isEqualTo(4);
            });
        }

        @Test
        @DisplayName("an author loaded before another transaction's add, then renamed, does not write its stale count back")
        void renamingAStaleAuthorKeepsTheCount() {
            long authorId = tables.createAuthor(3);
            try (EntityManager first = fixture.factory().createEntityManager()) {
                first.getTransaction().begin();
                Author stale = first.find(Author.class, authorId);           // book_count 3

                fixture.factory().runInTransaction(other ->                   // book_count 4
                        new BookRepository(other).addBook(authorId, new Book("New", "new-1", 120)));
                stale.setName("Renamed");
                first.getTransaction().commit();                             // UPDATE author set name=?, …

                assertThat(stale.getBookCount()).isEqualTo(3);
            }

            assertThat(storedCount(authorId)).isEqualTo(4);
        }
    }

    @Nested
    @DisplayName("Reading a thousand authors with their counts")
    class ReadingAThousandAuthorsWithTheirCounts {

        private static final int AUTHORS = 1000;

        @BeforeEach
        void seed() {
            fixture.seed(AUTHORS);
        }

        @Test
        @DisplayName("the COUNT query and the stored column: 1 statement each, the same records")
        void bothReadsAreOneStatementWithTheSameResult() {
            fixture.unit().runInRolledBackTransaction(entityManager -> {
                AuthorRepository authors = new AuthorRepository(entityManager);

                var counted = SqlCount.recordResult(authors::findBookCounts);
                var stored = SqlCount.recordResult(authors::findStoredBookCounts);

                assertThat(counted.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(stored.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(stored.value()).hasSize(AUTHORS).isEqualTo(counted.value());
            });
        }

        @Test
        @EnabledIfSystemProperty(named = "relmap.scale", matches = "true")
        @DisplayName("both reads timed side by side, warm, in alternating rounds: the ratio printed")
        void bothReadsTimedSideBySide() {
            int rounds = 30;
            long[] counting = new long[rounds];
            long[] reading = new long[rounds];
            fixture.unit().runInRolledBackTransaction(entityManager -> {
                AuthorRepository authors = new AuthorRepository(entityManager);
                for (int warm = 0; warm < 10; warm++) {
                    authors.findBookCounts();
                    authors.findStoredBookCounts();
                }
                for (int round = 0; round < rounds; round++) { // each goes first every other round
                    if (round % 2 == 0) {
                        counting[round] = nanos(entityManager, AuthorRepository::findBookCounts);
                        reading[round] = nanos(entityManager, AuthorRepository::findStoredBookCounts);
                    } else {
                        reading[round] = nanos(entityManager, AuthorRepository::findStoredBookCounts);
                        counting[round] = nanos(entityManager, AuthorRepository::findBookCounts);
                    }
                }
            });

            double countMedian = median(counting) / 1e6;
            double storedMedian = median(reading) / 1e6;
            System.out.printf(Locale.ROOT, "relmap book counts on %s, %d authors, median of %d warm rounds:"
                            + " COUNT query %.2f ms, stored column %.2f ms, ratio %.1f%n",
                    DatabaseSettings.current().database().key(), AUTHORS, rounds, countMedian, storedMedian,
                    countMedian / storedMedian);
            assertThat(countMedian).isPositive();
        }
    }

    private static long nanos(EntityManager entityManager, Function<AuthorRepository, List<AuthorBookCount>> read) {
        entityManager.clear();
        long start = System.nanoTime();
        read.apply(new AuthorRepository(entityManager));
        return System.nanoTime() - start;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private long authorId() {
        return fixture.factory().callInTransaction(entityManager ->
                entityManager.createQuery("select a.id from Author a", Long.class).getSingleResult());
    }

    private long storedCount(long authorId) {
        return fixture.factory().callInTransaction(entityManager ->
                entityManager.find(Author.class, authorId).getBookCount());
    }
}
