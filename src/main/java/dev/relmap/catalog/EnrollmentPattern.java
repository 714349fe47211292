package dev.relmap.catalog;

import dev.relmap.manytomany.enrollment.*;

import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.Strategy.NPlusOne;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Student ↔ Course through {@link Enrollment}, declared once for the tour, the tests and the
 * README. The seed makes three courses and N students: every student is on {@code CS101}; the
 * even-numbered ones are also on {@code CS102}, completed with grade 50 + i % 50; nobody is on
 * {@code CS999}. The strategies list every student's transcript.
 */
public final class EnrollmentPattern implements MappingPattern {

    /** When the seeded enrollments were made: a fixed instant, so the same N gives the same rows. */
    public static final Clock SEED_CLOCK = Clock.fixed(Instant.parse("2026-09-01T08:30:00Z"), ZoneOffset.UTC);

    /** Courses that have at least one student in the seed, whatever N (student 0 takes both). */
    public static final int COURSES_TAKEN = 2;

    private static final int FLUSH_EVERY = 250;

    /** Every strategy reads one row per enrollment: every student takes CS101, every other one CS102. */
    private static final CountFormula ENROLLMENTS = CountFormula.of("N + ⌈N/2⌉", n -> n + (n + 1) / 2);

    @Override
    public String name() {
        return "enrollment";
    }

    @Override
    public String title() {
        return "Many-to-many with data on the link: Student ↔ Course";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Student.class, Course.class, Enrollment.class);
    }

    @Override
    public void seed(EntityManager entityManager, int n) {
        Course programming = new Course("CS101", "Programming");
        Course dataStructures = new Course("CS102", "Data structures");
        entityManager.persist(programming);
        entityManager.persist(dataStructures);
        entityManager.persist(new Course("CS999", "Nobody's course"));
        long programmingId = programming.getId();
        long dataStructuresId = dataStructures.getId();
        for (int i = 0; i < n; i++) {
            Student student = new Student(String.format("Student %04d", i));
            student.enroll(entityManager.getReference(Course.class, programmingId), SEED_CLOCK);
            if (i % 2 == 0) {
                student.enroll(entityManager.getReference(Course.class, dataStructuresId), SEED_CLOCK)
                        .complete(50 + i % 50);
            }
            entityManager.persist(student);
            if ((i + 1) % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        entityManager.flush();
        entityManager.clear();
    }

    @Override
    public List<Strategy> strategies() {
        return List.of(
                new Strategy(
                        "lazy (N+1)",
                        "Students in one query, then each student's enrollments, then each course once:"
                                + " the two courses taken are read once each.",
                        CountFormula.of("1 + N + 2", n -> 1 + n + COURSES_TAKEN),
                        ENROLLMENTS,
                        NPlusOne.FROM_ONE_ROOT,
                        entityManager -> walk(new EnrollmentRepository(entityManager).findAllStudents())),
                new Strategy(
                        "JOIN FETCH",
                        "One query joins students to enrollments to courses.",
                        CountFormula.constant(1),
                        ENROLLMENTS,
                        NPlusOne.NEVER,
                        entityManager -> walk(new EnrollmentRepository(entityManager).findAllStudentsWithCourses())),
                new Strategy(
                        "transcript (record)",
                        "One transcript row per enrollment (student, course code, grade) into a record.",
                        CountFormula.constant(1),
                        ENROLLMENTS,
                        NPlusOne.NEVER,
                        entityManager -> new EnrollmentRepository(entityManager).findTranscripts().size()));
    }

    /** Reads what a transcript page shows; returns the number of enrollments seen. */
    private static int walk(List<Student> students) {
        int seen = 0;
        for (Student student : students) {
            for (Enrollment enrollment : student.getEnrollments()) {
                if (enrollment.getCourse().getCode() != null && enrollment.getEnrolledOn() != null) {
                    seen++;
                }
            }
        }
        return seen;
    }
}
