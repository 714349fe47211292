package dev.relmap.manytomany.enrollment;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.concurrency.OptimisticRetry;
import dev.relmap.sqlcount.Recording;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.Contenders;
import dev.relmap.testsupport.Contenders.Contender;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sixteen students enroll at once on a course with ten seats. Without a lock every one of them
 * passes the check before any inserts; with the course row locked, exactly ten get a seat and
 * six are told the course is full.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Sixteen students enrolling at once on a course of ten seats")
class CourseSeatsTest {

    static final int THREADS = 16;
    static final int SEATS = 10;
    static final String CODE = "SEATS10";

    private RelmapUnit unit;
    private List<Long> students;

    @BeforeAll
    void open() {
        // One connection per thread, so all sixteen transactions are open at once.
        unit = Contenders.unit(Relmap.unit("enrollment-seats", Course.class, Student.class, Enrollment.class), THREADS, 0)
                .recreateSchemaAndOpen(DatabaseSettings.current());
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @BeforeEach
    void freshCourse() {
        factory().runInTransaction(em -> {
            EnrollmentFixture.clear(em);
            em.persist(new Course(CODE, "Sixteen want in", SEATS));
            for (int i = 1; i <= THREADS; i++) {
                em.persist(new Student("Student " + i));
            }
        });
        students = factory().callInTransaction(em -> em
                .createQuery("select s.id from Student s order by s.id", Long.class).getResultList());
    }

    @Test
    @DisplayName("without a lock, all sixteen pass the check before any inserts: 16 enrolled on 10 seats")
    void withoutALockAllSixteenGetIn() throws Exception {
        Outcome outcome = enrollAll((em, passed, me) -> new CourseSeats(em, LockModeType.NONE, EnrollmentFixture.CLOCK, () -> {
            passed.run();
            me.reach("every student passed the check");
        }), 1, null);

        assertThat(outcome.enrolled).hasValue(THREADS);
        assertThat(outcome.full).hasValue(0);
        assertThat(enrolled()).as("enrollments on 10 seats").isEqualTo(16);
    }

    @Test
    @DisplayName("PESSIMISTIC_WRITE: 10 enrolled, 6 refused as full, 16 attempts, no retries, 58 statements")
    void pessimisticKeepsToTheCapacity() throws Exception {
        Measured pessimistic = measure(CourseSeats.Lock.PESSIMISTIC_WRITE);

        assertThat(pessimistic.outcome.enrolled).hasValue(SEATS);
        assertThat(pessimistic.outcome.full).hasValue(THREADS - SEATS);
        assertThat(pessimistic.outcome.attempts).hasValue(THREADS);
        // Every attempt reads the course and its count; the ten admitted read the student and insert.
        assertThat(pessimistic.statements).hasSelectCount(2 * THREADS + SEATS).hasInsertCount(SEATS).hasUpdateCount(0);
        assertThat(enrolled()).isEqualTo(SEATS);
    }

    @Test
    @DisplayName("OPTIMISTIC_FORCE_INCREMENT keeps to the capacity too, after retries, measured side by side with PESSIMISTIC_WRITE")
    void optimisticKeepsToTheCapacityAfterRetries() throws Exception {
        assumeTrue(unit.settings().database() != Database.MARIADB, "on MariaDB the version bump deadlocks with the"
                + " foreign-key checks of the other inserts: see onMariaDbTheVersionBumpDeadlocks");
        Measured pessimistic = measure(CourseSeats.Lock.PESSIMISTIC_WRITE);
        freshCourse();

        Measured optimistic = measure(CourseSeats.Lock.OPTIMISTIC_FORCE_INCREMENT);

        assertThat(optimistic.outcome.enrolled).hasValue(SEATS);
        assertThat(optimistic.outcome.full).hasValue(THREADS - SEATS);
        assertThat(enrolled()).isEqualTo(SEATS);
        // An attempt that passed the check inserts and bumps the version; a conflict is one whose
        // bump found the version moved. Hibernate then reads the course by id once more before
        // throwing, and the attempt is retried from the start.
        int passed = optimistic.outcome.passedCheck.get();
        int attempts = optimistic.outcome.attempts.get();
        int conflicts = passed - SEATS;
        assertThat(attempts).isEqualTo(THREADS + conflicts);
        assertThat(optimistic.statements).hasSelectCount(2 * attempts + passed + conflicts)
                .hasInsertCount(passed).hasUpdateCount(passed);
        System.out.printf("relmap figures: %s, %d threads, %d seats: PESSIMISTIC_WRITE %d attempts, %d statements;"
                        + " OPTIMISTIC_FORCE_INCREMENT %d attempts, %d conflicts retried, %d statements;"
                        + " time optimistic/pessimistic %.2f%n",
                unit.settings().database().key(), THREADS, SEATS, pessimistic.outcome.attempts.get(),
                pessimistic.statements.statementCount(), attempts, conflicts,
                optimistic.statements.statementCount(), (double) optimistic.nanos / pessimistic.nanos);
    }

    @Test
    @DisplayName("on MariaDB, OPTIMISTIC_FORCE_INCREMENT deadlocks: each insert's foreign-key check share-locks the course row the bump needs")
    void onMariaDbTheVersionBumpDeadlocks() throws Exception {
        assumeTrue(unit.settings().database() == Database.MARIADB, "InnoDB's foreign-key share lock is MariaDB's");
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

        Outcome outcome = enrollAll((em, passed, me) -> new CourseSeats(em, LockModeType.OPTIMISTIC_FORCE_INCREMENT,
                EnrollmentFixture.CLOCK, passed) {
            @Override
            public Enrollment enroll(long studentId, String courseCode) {
                Enrollment enrollment = super.enroll(studentId, courseCode);
                me.reach("every student inserted");
                return enrollment;
            }
        }, 1, failures);

        assertThat(failures).isNotEmpty().allSatisfy(failure -> assertThat(sqlStates(failure))
                .as("deadlock victim (40001) or optimistic loser").containsAnyOf("40001", "optimistic"));
        assertThat(sqlStates(failures.get(0)) + " " + failures).contains("40001");
        assertThat(enrolled()).as("never over capacity").isLessThanOrEqualTo(SEATS).isEqualTo(outcome.enrolled.get());
    }

    @Nested
    @DisplayName("one enrollment")
    class OneEnrollment {

        @Test
        @DisplayName("with PESSIMISTIC_WRITE costs 3 SELECTs (the first one FOR UPDATE) and 1 INSERT")
        void pessimisticCost() {
            SqlReport report = SqlCount.record(() -> factory().runInTransaction(em ->
                    new CourseSeats(em).enroll(students.get(0), CODE)));

            assertThat(report).hasSelectCount(3).hasInsertCount(1).hasUpdateCount(0);
            // Hibernate 7's PostgreSQL dialect takes the weaker row lock that still lets other
            // transactions insert rows referencing the course (enrollments elsewhere).
            assertThat(report.statements().get(0).sql()).endsWith(
                    unit.settings().database() == Database.POSTGRESQL ? " for no key update of c1_0" : " for update");
        }

        @Test
        @DisplayName("with OPTIMISTIC_FORCE_INCREMENT costs 3 SELECTs, 1 INSERT and the version's UPDATE at commit")
        void optimisticCost() {
            SqlReport report = SqlCount.record(() -> factory().runInTransaction(em ->
                    new CourseSeats(em, CourseSeats.Lock.OPTIMISTIC_FORCE_INCREMENT).enroll(students.get(0), CODE)));

            assertThat(report).hasSelectCount(3).hasInsertCount(1).hasUpdateCount(1);
            assertThat(report.statements().get(0).sql()).doesNotContainIgnoringCase("for update");
        }

        @Test
        @DisplayName("on a full course is refused with CourseFullException naming the course and its capacity, nothing written")
        void fullCourseRefused() {
            for (int i = 0; i < SEATS; i++) {
                long student = students.get(i);
                factory().runInTransaction(em -> new CourseSeats(em).enroll(student, CODE));
            }

            CourseFullException full = catchThrowableOfType(CourseFullException.class, () ->
                    factory().runInTransaction(em -> new CourseSeats(em).enroll(students.get(SEATS), CODE)));

            assertThat(full).hasMessage("Course SEATS10 is full: all 10 seats are taken");
            assertThat(full.code()).isEqualTo(CODE);
            assertThat(full.capacity()).isEqualTo(SEATS);
            assertThat(enrolled()).isEqualTo(SEATS);
        }
    }

    private Measured measure(CourseSeats.Lock lock) throws Exception {
        try (Recording recording = SqlCount.startAllThreads()) {
            long start = System.nanoTime();
            Outcome outcome = enrollAll((em, passed, me) -> new CourseSeats(em, lock.mode(), EnrollmentFixture.CLOCK, passed),
                    THREADS, null);
            return new Measured(lock, outcome, System.nanoTime() - start, recording.stop());
        }
    }

    /** How one enrollment attempt is made, given its transaction, a hook to count a passed check and its thread. */
    interface Seats {
        CourseSeats in(EntityManager entityManager, Runnable passedCheck, Contender me);
    }

    private record Measured(CourseSeats.Lock lock, Outcome outcome, long nanos, SqlReport statements) {
    }

    private static final class Outcome {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger passedCheck = new AtomicInteger();
        final AtomicInteger enrolled = new AtomicInteger();
        final AtomicInteger full = new AtomicInteger();
    }

    /**
     * Each student enrolls on its own thread, through {@link OptimisticRetry} with up to
     * {@code maxAttempts} attempts; counts how each attempt and each student ended. The first
     * attempt of every thread takes its connection before any of them checks the seats
     * ({@link Contenders}), so all sixteen start together.
     */
    private Outcome enrollAll(Seats seats, int maxAttempts, List<Throwable> failures) throws Exception {
        Outcome outcome = new Outcome();
        Contenders.run(unit, THREADS, me -> {
            long studentId = students.get(me.number() - 1);
            AtomicBoolean firstAttempt = new AtomicBoolean(true);
            try {
                OptimisticRetry.runInTransaction(factory(), maxAttempts, em -> {
                    if (firstAttempt.getAndSet(false)) {
                        me.connect(em);
                    }
                    outcome.attempts.incrementAndGet();
                    seats.in(em, outcome.passedCheck::incrementAndGet, me).enroll(studentId, CODE);
                });
                outcome.enrolled.incrementAndGet();
            } catch (CourseFullException full) {
                outcome.full.incrementAndGet();
            } catch (RuntimeException failure) {
                if (failures == null) {
                    throw failure;
                }
                failures.add(failure);
            }
            return null;
        });
        return outcome;
    }

    /** The SQLStates in {@code failure}'s cause chain, and "optimistic" for an OptimisticLockException. */
    private static String sqlStates(Throwable failure) {
        StringBuilder states = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                states.append(sql.getSQLState()).append(' ');
            }
            if (cause instanceof jakarta.persistence.OptimisticLockException) {
                states.append("optimistic ");
            }
        }
        return states.toString();
    }

    private long enrolled() {
        return factory().callInTransaction(em -> em
                .createQuery("select count(e.student) from Enrollment e", Long.class).getSingleResult());
    }

    private EntityManagerFactory factory() {
        return unit.entityManagerFactory();
    }
}
