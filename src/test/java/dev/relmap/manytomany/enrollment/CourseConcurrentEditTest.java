package dev.relmap.manytomany.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.concurrency.OptimisticRetry;
import dev.relmap.concurrency.RetriesExhaustedException;
import dev.relmap.testsupport.Contenders;
import dev.relmap.testsupport.Contenders.Contender;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Eight people change the same course's capacity at once, thread {@code i} adding
 * {@code 2^(i-1)} seats (255 in all), so the capacity's growth spells out exactly whose changes
 * landed. Every thread takes a connection of its own, reads in its own transaction, then waits
 * until all eight have read, then writes: every write is based on the same stale read, so the
 * outcome is decided by the mapping, not by timing ({@link Contenders}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Eight concurrent edits of one course's capacity")
class CourseConcurrentEditTest {

    static final int THREADS = 8;
    static final int START = 10;
    static final int SUM_OF_CHANGES = (1 << THREADS) - 1;
    static final String ALL_READ = "every thread has read the course";

    private RelmapUnit unit;

    @BeforeAll
    void open() {
        // One connection per thread: all eight transactions are open when they have all read.
        unit = Contenders.unit(Relmap.unit("enrollment-concurrent-edits", Course.class, Student.class,
                        Enrollment.class, UnversionedCourse.class), THREADS, 0)
                .recreateSchemaAndOpen(DatabaseSettings.current());
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @Nested
    @DisplayName("without a version")
    class WithoutAVersion {

        @Test
        @DisplayName("all eight commit and seven changes are lost: the last write wins")
        void loseSevenOfEightChanges() throws Exception {
            long id = unit.entityManagerFactory().callInTransaction(entityManager -> {
                UnversionedCourse course = new UnversionedCourse(START);
                entityManager.persist(course);
                return course.getId();
            });

            List<Throwable> outcomes = concurrently(me -> unit.entityManagerFactory().runInTransaction(em -> {
                me.connect(em);
                UnversionedCourse course = em.find(UnversionedCourse.class, id);
                me.reach(ALL_READ);
                course.addSeats(seats(me));
            }));

            assertThat(outcomes).as("every writer commits").containsOnlyNulls();
            int grown = unit.entityManagerFactory().callInTransaction(
                    em -> em.find(UnversionedCourse.class, id).getCapacity()) - START;
            assertThat(Integer.bitCount(grown)).as("changes that landed, of 8 committed").isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("with Course's @Version")
    class WithAVersion {

        @Test
        @DisplayName("one commits and the seven others fail with OptimisticLockException, wrapped in the commit's RollbackException")
        void sevenConflicts() throws Exception {
            long id = newCourse();

            List<Throwable> outcomes = concurrently(me -> unit.entityManagerFactory().runInTransaction(em -> {
                me.connect(em);
                Course course = em.find(Course.class, id);
                me.reach(ALL_READ);
                course.addSeats(seats(me));
            }));

            assertThat(outcomes).as("one writer commits").containsOnlyOnce((Throwable) null);
            assertThat(outcomes).filteredOn(outcome -> outcome != null).hasSize(THREADS - 1)
                    .allSatisfy(conflict -> assertThat(conflict).isInstanceOf(RollbackException.class)
                            .cause().isInstanceOf(OptimisticLockException.class)
                            .cause().isInstanceOf(StaleObjectStateException.class));
            assertThat(Integer.bitCount(capacity(id) - START)).as("changes that landed").isEqualTo(1);
        }

        @Test
        @DisplayName("retried up to eight times, every change lands: the capacity grows by 1 + 2 + 4 + … + 128")
        void retriedEveryChangeLands() throws Exception {
            long id = newCourse();
            AtomicInteger attempts = new AtomicInteger();

            List<Throwable> outcomes = concurrently(me -> {
                AtomicBoolean firstAttempt = new AtomicBoolean(true);
                OptimisticRetry.runInTransaction(unit.entityManagerFactory(), THREADS, em -> {
                    attempts.incrementAndGet();
                    boolean first = firstAttempt.getAndSet(false);
                    if (first) {
                        me.connect(em);
                    }
                    Course course = em.find(Course.class, id);
                    if (first) {
                        me.reach(ALL_READ);
                    }
                    course.addSeats(seats(me));
                });
            });

            assertThat(outcomes).containsOnlyNulls();
            assertThat(capacity(id)).isEqualTo(START + SUM_OF_CHANGES);
            int retries = attempts.get() - THREADS;
            // The k-th thread to commit can only have lost to the k - 1 commits before its own.
            assertThat(retries).as("at least the seven first-round conflicts, at most 1 + 2 + … + 7")
                    .isBetween(THREADS - 1, THREADS * (THREADS - 1) / 2);
            System.out.printf("relmap figures: %s, %d threads, %d attempts, %d conflicts retried, capacity %d -> %d%n",
                    unit.settings().database().key(), THREADS, attempts.get(), retries, START, capacity(id));
        }

        @Test
        @DisplayName("a bound of 3 against a writer that always gets in first: 3 attempts, then RetriesExhaustedException")
        void givesUpAfterTheBound() {
            long id = newCourse();
            AtomicInteger attempts = new AtomicInteger();

            RetriesExhaustedException gaveUp = catchThrowableOfType(RetriesExhaustedException.class,
                    () -> OptimisticRetry.runInTransaction(unit.entityManagerFactory(), 3, em -> {
                        attempts.incrementAndGet();
                        Course course = em.find(Course.class, id);
                        unit.entityManagerFactory().runInTransaction(other -> other.find(Course.class, id).addSeats(100));
                        course.addSeats(1);
                    }));

            assertThat(gaveUp.attempts()).isEqualTo(3);
            assertThat(gaveUp).hasMessageStartingWith("Gave up after 3 attempts: each one read a row that another"
                    + " transaction changed before it could write").cause().isInstanceOf(OptimisticLockException.class);
            assertThat(attempts).hasValue(3);
            assertThat(capacity(id)).as("the other writer's three changes, none of the work's").isEqualTo(START + 300);
        }
    }

    private long newCourse() {
        String code = "C" + System.nanoTime() % 1_000_000_000L;
        return unit.entityManagerFactory().callInTransaction(entityManager -> {
            Course course = new Course(code, "Concurrency", START);
            entityManager.persist(course);
            return course.getId();
        });
    }

    private int capacity(long id) {
        return unit.entityManagerFactory().callInTransaction(em -> em.find(Course.class, id).getCapacity());
    }

    /**
     * Runs {@code task} on eight threads at once, each with a connection of its own ({@link Contenders});
     * what each threw, null once it committed.
     */
    private List<Throwable> concurrently(Consumer<Contender> task) throws Exception {
        return Contenders.run(unit, THREADS, me -> {
            try {
                task.accept(me);
                return null;
            } catch (RuntimeException failure) {
                return failure;
            }
        });
    }

    /** Thread i adds 2^(i-1) seats, so the capacity's growth says whose changes landed. */
    private static int seats(Contender me) {
        return 1 << (me.number() - 1);
    }
}
