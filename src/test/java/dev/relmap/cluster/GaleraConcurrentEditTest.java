package dev.relmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.concurrency.OptimisticRetry;
import dev.relmap.manytomany.enrollment.Course;
import dev.relmap.manytomany.enrollment.Enrollment;
import dev.relmap.manytomany.enrollment.Student;
import dev.relmap.testsupport.Contenders;
import dev.relmap.testsupport.Contenders.Contender;
import jakarta.persistence.OptimisticLockException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * CourseConcurrentEditTest's eight writers, spread over the three Galera nodes (threads 1, 4, 7
 * on node 1; 2, 5, 8 on node 2; 3, 6 on node 3): each reads the same versioned course, waits until
 * all eight have read, then adds {@code 2^(i-1)} seats. A writer that lost to a commit on its own
 * node fails as on one server, with {@link OptimisticLockException}; one that lost to another
 * node's commit is refused by Galera's certification at commit, or aborted by the other node's
 * write set at its next statement, as a deadlock (SQLState 40001, MariaDB error 1213).
 * {@link OptimisticRetry} retries both.
 */
@EnabledIf(value = GaleraNodes.UP, disabledReason = GaleraNodes.DOWN)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GaleraConcurrentEditTest {

    static final int THREADS = 8;
    static final int START = 10;
    static final int SUM_OF_CHANGES = (1 << THREADS) - 1;
    static final String ALL_READ = "every thread has read the course";

    private final List<RelmapUnit> units = new ArrayList<>();

    @BeforeAll
    void open() {
        // One schema written through all three nodes, each unit recreating it with the same DDL.
        for (int node = 0; node < GaleraNodes.PORTS.size(); node++) {
            units.add(Contenders.unit(Relmap.unit("galera-edits", Course.class, Student.class, Enrollment.class),
                    THREADS, 0).recreateSchemaAndOpen(GaleraNodes.causalReads(node)));
        }
        GaleraNodes.awaitApplied();
    }

    @AfterAll
    void close() {
        units.forEach(RelmapUnit::close);
    }

    @Test
    void withoutRetryOneCommitsAndTheSevenOthersFailAsRetryableConflicts() throws Exception {
        long id = newCourse();

        List<Throwable> outcomes = Contenders.run(units, THREADS, me -> {
            try {
                me.unit().entityManagerFactory().runInTransaction(em -> {
                    me.connect(em);
                    Course course = em.find(Course.class, id);
                    me.reach(ALL_READ);
                    course.addSeats(seats(me));
                });
                return null;
            } catch (RuntimeException failure) {
                return failure;
            }
        });

        assertThat(outcomes).as("one writer commits").containsOnlyOnce((Throwable) null);
        List<Throwable> failures = outcomes.stream().filter(outcome -> outcome != null).toList();
        assertThat(failures).hasSize(THREADS - 1).allSatisfy(failure ->
                assertThat(OptimisticRetry.isRetryable(failure)).as("retryable: %s", failure).isTrue());
        long certification = failures.stream().filter(GaleraConcurrentEditTest::isCertificationFailure).count();
        assertThat(Integer.bitCount(capacity(id) - START)).as("changes that landed").isEqualTo(1);
        // Which of the two a loser sees depends on whether the winner's write set reached its node
        // before or after its own UPDATE: docs/scaling-out.md gives the split over several runs.
        System.out.printf("relmap figures: galera, %d writers on 3 nodes, no retry: 1 commit, %d optimistic conflicts,"
                + " %d deadlocks (40001)%n", THREADS, failures.size() - certification, certification);
    }

    @Test
    void retriedUpToEightTimesEveryChangeLandsOnEveryNode() throws Exception {
        long id = newCourse();
        AtomicInteger attempts = new AtomicInteger();

        List<Throwable> outcomes = Contenders.run(units, THREADS, me -> {
            AtomicBoolean firstAttempt = new AtomicBoolean(true);
            try {
                OptimisticRetry.runInTransaction(me.unit().entityManagerFactory(), THREADS, em -> {
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
                return null;
            } catch (RuntimeException failure) {
                return failure;
            }
        });

        assertThat(outcomes).containsOnlyNulls();
        GaleraNodes.awaitApplied();
        for (RelmapUnit unit : units) {
            int capacity = unit.entityManagerFactory().callInTransaction(em -> em.find(Course.class, id).getCapacity());
            assertThat(capacity).as("capacity read through %s", unit.settings().url()).isEqualTo(START + SUM_OF_CHANGES);
        }
        int retries = attempts.get() - THREADS;
        assertThat(retries).as("at least the seven first-round losers, at most 1 + 2 + … + 7")
                .isBetween(THREADS - 1, THREADS * (THREADS - 1) / 2);
        System.out.printf("relmap figures: galera, %d writers on 3 nodes, retried: %d attempts, %d retries,"
                + " capacity %d -> %d%n", THREADS, attempts.get(), retries, START, capacity(id));
    }

    /** A deadlock (40001) in the chain and no optimistic-locking exception: lost to another node. */
    static boolean isCertificationFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return false;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private long newCourse() {
        String code = "G" + System.nanoTime() % 1_000_000_000L;
        long id = units.get(0).entityManagerFactory().callInTransaction(em -> {
            Course course = new Course(code, "Concurrency across nodes", START);
            em.persist(course);
            return course.getId();
        });
        GaleraNodes.awaitApplied();
        return id;
    }

    private int capacity(long id) {
        return units.get(0).entityManagerFactory().callInTransaction(em -> em.find(Course.class, id).getCapacity());
    }

    /** Thread i adds 2^(i-1) seats, so the capacity's growth says whose changes landed. */
    private static int seats(Contender me) {
        return 1 << (me.number() - 1);
    }
}
