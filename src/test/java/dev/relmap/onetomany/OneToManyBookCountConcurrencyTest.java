package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.Contenders;
import dev.relmap.testsupport.Contenders.Contender;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@value #THREADS} threads add a book each to one author at the same moment (each takes a
 * connection of its own, and they start together once all hold one: {@link Contenders}): the
 * read-modify-write of the count loses updates, the atomic UPDATE loses none, and a
 * compare-and-set with retry loses none at the price of conflicts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyBookCountConcurrencyTest {

    private static final int THREADS = 8;
    private static final int START = 3;
    private static final String ALL_READ = "every thread has read the count";

    private PatternFixture fixture;
    private OneToManyFixture tables;
    private long authorId;

    @BeforeAll
    void open() {
        // relmap's pool holds 4 connections; 8 transactions open at once need 8.
        fixture = PatternFixture.open(new OneToManyPattern(), SampleData::clear,
                spec -> Contenders.unit(spec, THREADS, 0));
        tables = new OneToManyFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @BeforeEach
    void oneAuthorWithThreeBooks() {
        fixture.clear();
        authorId = tables.createAuthor(START);
    }

    @AfterEach
    void everyStoredCountEqualsTheRealCount() {
        assertThat(tables.driftedBookCounts()).isEmpty();
    }

    @Test
    @DisplayName("pitfall: read the count, write count + 1: all 8 books are inserted, the count moves by 1")
    void readModifyWriteLosesSevenOfEightUpdates() throws Exception {
        List<Object> done = concurrentlyRun((thread, me) -> fixture.factory().runInTransaction(entityManager -> {
            me.connect(entityManager);
            long count = entityManager.createQuery("select a.bookCount from Author a where a.id = :id", Long.class)
                    .setParameter("id", authorId)
                    .getSingleResult();
            me.reach(ALL_READ); // every thread has read the same count
            entityManager.createQuery("update Author a set a.bookCount = :count where a.id = :id")
                    .setParameter("count", count + 1)
                    .setParameter("id", authorId)
                    .executeUpdate();
            persistBook(entityManager, thread, 0);
        }));

        assertThat(done).hasSize(THREADS);
        assertThat(tables.driftedBookCounts()).containsExactly(authorId + "=" + (START + 1) + "/" + (START + THREADS));
        fixture.clear(); // the drift is the point here; the check after the test covers the other ways
    }

    @Test
    @DisplayName("the atomic UPDATE (book_count + 1) before the INSERT: no update lost, no conflict, 1 UPDATE + 1 INSERT per add")
    void theAtomicUpdateLosesNothing() throws Exception {
        List<SqlReport> reports = concurrently((thread, me) -> fixture.factory().callInTransaction(entityManager -> {
            me.connect(entityManager); // all eight start together
            return SqlCount.record(() ->
                    new BookRepository(entityManager).addBook(authorId, book(thread, 0)));
        }));

        assertThat(reports).hasSize(THREADS)
                .allSatisfy(report -> assertThat(report).hasSelectCount(0).hasUpdateCount(1).hasInsertCount(1));
        assertThat(tables.rowCounts()).containsEntry("book", (long) START + THREADS);
    }

    /**
     * Runs only with {@code -Drelmap.scale=true}: its threads write before they meet, and on a
     * loaded machine one of them once failed to get there within 30 s on MariaDB (the other runs
     * passed) although every connection had been opened beforehand, so it stays out of the
     * regular build until that is understood. It now waits {@link Contenders#STEP_WAIT} there,
     * and a failure names each thread that had not arrived and what it had reached.
     */
    @Test
    @EnabledIfSystemProperty(named = "relmap.scale", matches = "true")
    @DisplayName("pitfall: the INSERT before the atomic UPDATE: on MariaDB 7 of 8 adds die as deadlock victims, none on H2 and PostgreSQL")
    void insertingFirstDeadlocksOnMariaDb() throws Exception {
        List<Boolean> committed = concurrently((thread, me) -> {
            try {
                fixture.factory().runInTransaction(entityManager -> {
                    me.connect(entityManager);
                    persistBook(entityManager, thread, 0); // MariaDB: the foreign-key check share-locks the author row
                    me.reach("every thread has inserted its book");
                    entityManager.createQuery("update Author a set a.bookCount = a.bookCount + 1 where a.id = :id")
                            .setParameter("id", authorId)
                            .executeUpdate();                 // each waits for the others' share locks
                });
                return true;
            } catch (PersistenceException e) {
                assertThat(e).hasRootCauseInstanceOf(SQLTransactionRollbackException.class)
                        .rootCause().hasMessageContaining("Deadlock");
                return false;
            }
        });

        int deadlocked = DatabaseSettings.current().database() == Database.MARIADB ? THREADS - 1 : 0;
        assertThat(committed).filteredOn(ok -> !ok).hasSize(deadlocked);
        assertThat(tables.rowCounts()).containsEntry("book", (long) START + THREADS - deadlocked);
    }

    @Test
    @DisplayName("compare-and-set with retry (update … where book_count = what was read): nothing lost, 7 conflicts in the first round")
    void compareAndSetWithRetryLosesNothingButConflicts() throws Exception {
        List<Attempts> attempts = concurrently((thread, me) -> compareAndSet(thread, me));

        assertThat(attempts).hasSize(THREADS);
        assertThat(attempts.stream().filter(a -> a.firstConflicted()).count()).isEqualTo(THREADS - 1);
        assertThat(tables.rowCounts()).containsEntry("book", (long) START + THREADS);
        System.out.printf(Locale.ROOT, "relmap book count, compare-and-set, %d threads on %s: %d retries%n", THREADS,
                DatabaseSettings.current().database().key(), attempts.stream().mapToInt(Attempts::retries).sum());
    }

    @Test
    @EnabledIfSystemProperty(named = "relmap.scale", matches = "true")
    @DisplayName("the atomic UPDATE and compare-and-set timed side by side, 8 threads, alternating rounds: the ratio printed")
    void atomicAgainstCompareAndSetTimedSideBySide() throws Exception {
        int rounds = 10;
        long atomic = 0;
        long cas = 0;
        int retries = 0;
        for (int round = 0; round < rounds; round++) {
            fixture.clear();
            authorId = tables.createAuthor(START);
            long start = System.nanoTime();
            concurrently((thread, me) -> fixture.factory().callInTransaction(entityManager -> {
                me.connect(entityManager);
                return new BookRepository(entityManager).addBook(authorId, book(thread, 0));
            }));
            atomic += System.nanoTime() - start;
            fixture.clear();
            authorId = tables.createAuthor(START);
            start = System.nanoTime();
            retries += concurrently(this::compareAndSet).stream().mapToInt(Attempts::retries).sum();
            cas += System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "relmap book count on %s, %d threads × %d rounds: atomic UPDATE %.1f ms,"
                        + " compare-and-set %.1f ms (%d retries), ratio %.2f%n",
                DatabaseSettings.current().database().key(), THREADS, rounds, atomic / 1e6, cas / 1e6, retries,
                (double) cas / atomic);
        assertThat(atomic).isPositive();
    }

    /** One thread's compare-and-set: retried until its UPDATE finds the count it read. */
    private Attempts compareAndSet(int thread, Contender me) {
        AtomicInteger attempt = new AtomicInteger();
        boolean firstConflicted = false;
        while (true) {
            boolean written = fixture.factory().callInTransaction(entityManager -> {
                if (attempt.get() == 0) {
                    me.connect(entityManager);
                }
                long count = entityManager.createQuery("select a.bookCount from Author a where a.id = :id", Long.class)
                        .setParameter("id", authorId)
                        .getSingleResult();
                if (attempt.get() == 0) {
                    me.reach(ALL_READ);
                }
                int updated = entityManager.createQuery("""
                        update Author a
                        set a.bookCount = :count + 1
                        where a.id = :id and a.bookCount = :count""")
                        .setParameter("count", count)
                        .setParameter("id", authorId)
                        .executeUpdate();
                if (updated == 1) {
                    persistBook(entityManager, thread, attempt.get());
                }
                return updated == 1;
            });
            if (written) {
                return new Attempts(attempt.get(), firstConflicted);
            }
            firstConflicted |= attempt.getAndIncrement() == 0;
        }
    }

    private record Attempts(int retries, boolean firstConflicted) {
    }

    private interface Work<T> {
        T run(int thread, Contender me) throws Exception;
    }

    private interface VoidWork {
        void run(int thread, Contender me) throws Exception;
    }

    private List<Object> concurrentlyRun(VoidWork work) throws Exception {
        return concurrently((thread, me) -> {
            work.run(thread, me);
            return thread;
        });
    }

    /**
     * Runs {@code work} on {@value #THREADS} threads at once, numbered from 0, and returns each
     * result, failing on any error ({@link Contenders}).
     */
    private <T> List<T> concurrently(Work<T> work) throws Exception {
        return Contenders.run(fixture.unit(), THREADS, me -> work.run(me.number() - 1, me));
    }

    private void persistBook(EntityManager entityManager, int thread, int attempt) {
        Book book = book(thread, attempt);
        book.setAuthor(entityManager.getReference(Author.class, authorId));
        entityManager.persist(book);
        entityManager.flush();
    }

    private static Book book(int thread, int attempt) {
        return new Book("Concurrent " + thread, "c-" + thread + "-" + attempt, 100);
    }
}
