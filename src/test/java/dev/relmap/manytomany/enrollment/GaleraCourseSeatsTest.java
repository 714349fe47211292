package dev.relmap.manytomany.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.DatabaseUnavailableException;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.cluster.GaleraNodes;
import dev.relmap.concurrency.OptimisticRetry;
import dev.relmap.testsupport.Contenders;
import dev.relmap.testsupport.Contenders.Contender;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * CourseSeatsTest across the three Galera nodes: students enroll through node 1, 2 and 3 in turn.
 * {@code select … for update} locks the course row on the local node only, so enrollments on
 * different nodes no longer queue; what keeps the capacity is whether their write sets collide.
 * An enrollment writes its own enrollment row and only references the course, so with
 * {@code PESSIMISTIC_WRITE} two nodes' enrollments collide only when one node applies the other's
 * write set while its own transaction still holds the lock (it is then aborted, SQLState 40001);
 * {@code PESSIMISTIC_FORCE_INCREMENT} also writes the course's version, and certification lets
 * only one of two overlapping enrollments commit.
 */
@EnabledIf(value = GaleraNodes.UP, disabledReason = GaleraNodes.DOWN)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GaleraCourseSeatsTest {

    static final int THREADS = 16;
    static final int SEATS = 10;
    static final String CODE = "SEATS10";
    static final String LOCKED = "every node holds the course's lock and counted 9 of 10 seats taken";
    static final String INSERTED = "every node inserted its enrollment";
    static final int ROUNDS = 5;

    private final List<RelmapUnit> nodes = new ArrayList<>();
    private List<Long> students;

    @BeforeAll
    void open() {
        for (int node = 0; node < GaleraNodes.PORTS.size(); node++) {
            nodes.add(Contenders.unit(Relmap.unit("galera-seats", Course.class, Student.class, Enrollment.class),
                    THREADS, 0).recreateSchemaAndOpen(GaleraNodes.causalReads(node)));
        }
        GaleraNodes.awaitApplied();
    }

    @AfterAll
    void close() {
        nodes.forEach(RelmapUnit::close);
    }

    @Test
    void pessimisticWriteLocksOnlyTheLocalNodeSoTheLastSeatGoesOnceOrIsOverbooked() throws Exception {
        List<Integer> enrolledPerRound = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            LastSeat outcome = lastSeatOnThreeNodes(LockModeType.PESSIMISTIC_WRITE);
            enrolledPerRound.add(outcome.enrolled());
        }

        // Every round: all three held "the" lock at once (on one server the second would wait at its
        // SELECT), each that did not commit was aborted as a deadlock, and the first commit landed.
        assertThat(enrolledPerRound).allSatisfy(enrolled -> assertThat(enrolled).isBetween(1, 3));
        System.out.printf("relmap figures: galera, PESSIMISTIC_WRITE, 3 enrollers on 3 nodes for the last seat,"
                + " %d rounds: enrolled per round %s (above 1 = overbooked)%n", ROUNDS, enrolledPerRound);
    }

    @Test
    void pessimisticForceIncrementLetsExactlyOneOfThreeNodesTakeTheLastSeat() throws Exception {
        List<Integer> enrolledPerRound = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            enrolledPerRound.add(lastSeatOnThreeNodes(LockModeType.PESSIMISTIC_FORCE_INCREMENT).enrolled());
        }

        assertThat(enrolledPerRound).as("enrolled per round").containsOnly(1);
    }

    private record LastSeat(int enrolled, int aborted) {
    }

    /**
     * Nine of ten seats taken; one student per node enrolls with {@code lock}, one attempt each.
     * Each waits, holding its node's lock, until all three counted 9, and again once all three
     * inserted, so the three commits start together.
     */
    private LastSeat lastSeatOnThreeNodes(LockModeType lock) throws Exception {
        freshCourse(nodes.get(0), SEATS - 1 + 3);
        for (int i = 0; i < SEATS - 1; i++) {
            long student = students.get(i);
            nodes.get(0).entityManagerFactory().runInTransaction(em -> new CourseSeats(em).enroll(student, CODE));
        }
        GaleraNodes.awaitApplied();
        List<Throwable> failures = new CopyOnWriteArrayList<>();

        Outcome outcome = enrollAll(nodes, 3, SEATS - 1, 1, failures, (em, me) ->
                new CourseSeats(em, lock, EnrollmentFixture.CLOCK, () -> me.reach(LOCKED)) {
                    @Override
                    public Enrollment enroll(long studentId, String courseCode) {
                        Enrollment enrollment = super.enroll(studentId, courseCode);
                        me.reach(INSERTED);
                        return enrollment;
                    }
                });

        assertThat(outcome.full).as("each saw a free seat").hasValue(0);
        assertThat(failures).allSatisfy(failure -> assertThat((Object) OptimisticRetry.retryableRefusal(failure))
                .as("aborted as a deadlock (40001): %s", failure).isNotNull());
        assertThat(outcome.enrolled.get() + failures.size()).isEqualTo(3);
        GaleraNodes.awaitApplied();
        assertThat(enrolled()).isEqualTo(SEATS - 1 + outcome.enrolled.get());
        return new LastSeat(outcome.enrolled.get(), failures.size());
    }

    @Test
    void pessimisticForceIncrementWithRetryKeepsExactlyTenAcrossNodes() throws Exception {
        freshCourse(nodes.get(0), THREADS);

        long started = System.nanoTime();
        Outcome galera = enrollAll(nodes, THREADS, 0, THREADS, null, (em, me) ->
                new CourseSeats(em, LockModeType.PESSIMISTIC_FORCE_INCREMENT, EnrollmentFixture.CLOCK, () -> { }));
        long galeraNanos = System.nanoTime() - started;

        assertThat(galera.enrolled).hasValue(SEATS);
        assertThat(galera.full).as("refused with CourseFullException").hasValue(THREADS - SEATS);
        GaleraNodes.awaitApplied();
        for (RelmapUnit node : nodes) {
            assertThat(count(node)).as("enrollments read through %s", node.settings().url()).isEqualTo(SEATS);
        }
        System.out.printf("relmap figures: galera, %d enrollers on 3 nodes, %d seats, PESSIMISTIC_FORCE_INCREMENT"
                        + " + OptimisticRetry: %d enrolled, %d full, %d attempts, %d retried; %s%n",
                THREADS, SEATS, galera.enrolled.get(), galera.full.get(), galera.attempts.get(),
                galera.attempts.get() - THREADS, againstOneServer(galeraNanos));
    }

    @Test
    void pessimisticWriteWithRetryNeverEnrollsFewerThanTheSeats() throws Exception {
        freshCourse(nodes.get(0), THREADS);

        Outcome outcome = enrollAll(nodes, THREADS, 0, THREADS, null, (em, me) ->
                new CourseSeats(em, LockModeType.PESSIMISTIC_WRITE, EnrollmentFixture.CLOCK, () -> { }));

        assertThat(outcome.enrolled.get() + outcome.full.get()).isEqualTo(THREADS);
        assertThat(outcome.enrolled).as("a refusal means 10 were committed and seen").hasValueGreaterThanOrEqualTo(SEATS);
        GaleraNodes.awaitApplied();
        assertThat(enrolled()).isEqualTo(outcome.enrolled.get());
        System.out.printf("relmap figures: galera, %d enrollers on 3 nodes, PESSIMISTIC_WRITE + OptimisticRetry:"
                        + " %d enrolled on %d seats, %d full, %d attempts%n",
                THREADS, outcome.enrolled.get(), SEATS, outcome.full.get(), outcome.attempts.get());
    }

    /** The same sixteen on one MariaDB server with PESSIMISTIC_WRITE, as a time ratio, or why not. */
    private String againstOneServer(long galeraNanos) throws Exception {
        DatabaseSettings server = new DatabaseSettings(Database.MARIADB, Database.MARIADB.defaultUrl(),
                Database.MARIADB.defaultUser(), Database.MARIADB.defaultPassword(),
                DatabaseSettings.current().schemaPrefix());
        RelmapUnit single;
        try {
            single = Contenders.unit(Relmap.unit("galera-seats-single", Course.class, Student.class, Enrollment.class),
                    THREADS, 0).recreateSchemaAndOpen(server);
        } catch (DatabaseUnavailableException none) {
            return "no single MariaDB server at " + server.url() + " to compare with";
        }
        try (single) {
            freshCourse(single, THREADS);
            long started = System.nanoTime();
            Outcome outcome = enrollAll(List.of(single), THREADS, 0, 1, null, (em, me) -> new CourseSeats(em));
            long singleNanos = System.nanoTime() - started;
            assertThat(outcome.enrolled).hasValue(SEATS);
            return "time %.2f × one MariaDB server's PESSIMISTIC_WRITE run (%d attempts)".formatted(
                    (double) galeraNanos / singleNanos, outcome.attempts.get());
        }
    }

    interface Seats {
        CourseSeats in(EntityManager entityManager, Contender me);
    }

    private static final class Outcome {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger enrolled = new AtomicInteger();
        final AtomicInteger full = new AtomicInteger();
    }

    /**
     * {@code threads} students from {@code firstStudent} on, each on its own thread through the
     * units in turn, with {@link OptimisticRetry} up to {@code maxAttempts}; a failure other than
     * a full course goes to {@code failures}, or is thrown if that is null.
     */
    private Outcome enrollAll(List<RelmapUnit> units, int threads, int firstStudent, int maxAttempts,
            List<Throwable> failures, Seats seats) throws Exception {
        Outcome outcome = new Outcome();
        Contenders.run(units, threads, me -> {
            long studentId = students.get(firstStudent + me.number() - 1);
            AtomicBoolean firstAttempt = new AtomicBoolean(true);
            try {
                OptimisticRetry.runInTransaction(me.unit().entityManagerFactory(), maxAttempts, em -> {
                    if (firstAttempt.getAndSet(false)) {
                        me.connect(em);
                    }
                    outcome.attempts.incrementAndGet();
                    seats.in(em, me).enroll(studentId, CODE);
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

    private void freshCourse(RelmapUnit unit, int students) {
        unit.entityManagerFactory().runInTransaction(em -> {
            EnrollmentFixture.clear(em);
            em.persist(new Course(CODE, "Sixteen want in", SEATS));
            for (int i = 1; i <= students; i++) {
                em.persist(new Student("Student " + i));
            }
        });
        this.students = unit.entityManagerFactory().callInTransaction(em -> em
                .createQuery("select s.id from Student s order by s.id", Long.class).getResultList());
        GaleraNodes.awaitApplied();
    }

    private long enrolled() {
        return count(nodes.get(0));
    }

    private static long count(RelmapUnit unit) {
        return unit.entityManagerFactory().callInTransaction(em -> em
                .createQuery("select count(e.student) from Enrollment e", Long.class).getSingleResult());
    }
}
