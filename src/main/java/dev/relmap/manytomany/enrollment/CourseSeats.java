package dev.relmap.manytomany.enrollment;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;

/**
 * Enrolls students on courses without ever going over a course's capacity, however many enroll
 * at once. The rule spans rows of two tables (the course's capacity, the count of its enrollment
 * rows), so no column constraint can hold it, and a check followed by an insert with no lock lets
 * every concurrent enrollment pass the check before any inserts. The course row is the lock:
 *
 * <ul>
 *   <li>{@link Lock#PESSIMISTIC_WRITE} ({@code select … for update}): enrollments on one course
 *       queue at the read and each sees the count the previous one left. No retries; the only
 *       cost is the wait.
 *   <li>{@link Lock#OPTIMISTIC_FORCE_INCREMENT}: each enrollment bumps the course's
 *       {@code version} at commit ({@code update course set version = v + 1 where id = ? and
 *       version = v}); of those that read the same version only the first commits, the others
 *       fail with {@code OptimisticLockException} and must be retried (see
 *       {@code dev.relmap.concurrency.OptimisticRetry}).
 *   <li>{@link Lock#PESSIMISTIC_FORCE_INCREMENT}: {@code select … for update}, then the version's
 *       UPDATE at once. For a Galera cluster, where {@code for update} locks the row on the local
 *       node only: the UPDATE puts the course row in every enrollment's write set, so of two
 *       enrollments on different nodes that overlap, certification lets only the first commit and
 *       refuses the other as a deadlock (SQLState 40001), to be retried with {@code OptimisticRetry}.
 *       On one server it queues like {@code PESSIMISTIC_WRITE}, at the cost of one UPDATE.
 * </ul>
 *
 * Runs in the caller's transaction; writes flush before returning.
 */
public class CourseSeats {

    /** How the course row is locked while its seats are counted. */
    public enum Lock {
        PESSIMISTIC_WRITE(LockModeType.PESSIMISTIC_WRITE),
        OPTIMISTIC_FORCE_INCREMENT(LockModeType.OPTIMISTIC_FORCE_INCREMENT),
        PESSIMISTIC_FORCE_INCREMENT(LockModeType.PESSIMISTIC_FORCE_INCREMENT);

        private final LockModeType mode;

        Lock(LockModeType mode) {
            this.mode = mode;
        }

        LockModeType mode() {
            return mode;
        }
    }

    private final EntityManager entityManager;
    private final LockModeType lockMode;
    private final Clock clock;
    private final Runnable afterCheck;

    /** With {@link Lock#PESSIMISTIC_WRITE}, the choice the figures of docs/many-to-many.md favour. */
    public CourseSeats(EntityManager entityManager) {
        this(entityManager, Lock.PESSIMISTIC_WRITE);
    }

    public CourseSeats(EntityManager entityManager, Lock lock) {
        this(entityManager, Require.notNull(lock, "lock").mode, Clock.systemUTC(), () -> { });
    }

    /** Any lock mode ({@code NONE} shows the pitfall), and a hook run between the check and the insert. */
    CourseSeats(EntityManager entityManager, LockModeType lockMode, Clock clock, Runnable afterCheck) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
        this.lockMode = Require.notNull(lockMode, "lockMode");
        this.clock = Require.notNull(clock, "clock");
        this.afterCheck = Require.notNull(afterCheck, "afterCheck");
    }

    /**
     * Enrolls the student if the course has a seat left: 3 SELECTs (the course, locked; its
     * enrollment count; the student with their enrollments) and 1 INSERT, plus, with
     * {@link Lock#OPTIMISTIC_FORCE_INCREMENT} or {@link Lock#PESSIMISTIC_FORCE_INCREMENT}, 1 UPDATE
     * of the course's version.
     *
     * @throws IllegalArgumentException if {@code courseCode} is null or blank; no statement is sent
     * @throws CourseFullException naming the course and its capacity; nothing is written
     * @throws UnknownCourseCodeException naming the code that does not exist
     * @throws UnknownIdException naming the student id that does not exist
     * @throws DuplicateEnrollmentException if the student is already enrolled
     */
    // tag::course-seats[]
    public Enrollment enroll(long studentId, String courseCode) {
        Require.notBlank(courseCode, "courseCode");
        Course course = entityManager.createQuery("""
                        select c
                        from Course c
                        where c.code = :code
                        """, Course.class)
                .setParameter("code", courseCode)
                .setLockMode(lockMode) // PESSIMISTIC_WRITE: select … for update
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new UnknownCourseCodeException(courseCode));
        long taken = entityManager.createQuery("""
                        select count(e.student)
                        from Enrollment e
                        where e.course = :course
                        """, Long.class)
                .setParameter("course", course)
                .getSingleResult();
        if (course.getCapacity() != null && taken >= course.getCapacity()) {
            throw new CourseFullException(course.getCode(), course.getCapacity());
        }
        // A seat is free, and stays free until this transaction ends: load the student, insert.
        // end::course-seats[]
        afterCheck.run();
        EnrollmentRepository enrollments = new EnrollmentRepository(entityManager, clock);
        return enrollments.enroll(enrollments.studentWithEnrollments(studentId), course);
    }
}
