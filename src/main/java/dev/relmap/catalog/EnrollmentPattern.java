package dev.relmap.catalog;

import dev.relmap.manytomany.enrollment.*;
import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.Strategy.NPlusOne;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Student ↔ Course through {@link Enrollment}, declared once for the tour, the tests and the
 * docs, over the package's {@link SampleData}. The strategies list every student's transcript.
 */
public final class EnrollmentPattern implements MappingPattern {

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
    public String family() {
        return "Many-to-many";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Student.class, Course.class, Enrollment.class);
    }

    @Override
    public void seed(EntityManager entityManager, int n) {
        SampleData.seed(entityManager, n);
    }

    @Override
    public List<Strategy> strategies() {
        return List.of(
                new Strategy(
                        "lazy (N+1)",
                        "Students in one query, then each student's enrollments, then each course once:"
                                + " the two courses taken are read once each.",
                        CountFormula.of("1 + N + 2", n -> 1 + n + SampleData.COURSES_TAKEN),
                        ENROLLMENTS,
                        NPlusOne.FROM_ONE_ROOT,
                        entityManager -> walk(new EnrollmentRepository(entityManager).findAllStudents())).by("EnrollmentRepository.findAllStudents"),
                new Strategy(
                        "JOIN FETCH",
                        "One query joins students to enrollments to courses.",
                        CountFormula.constant(1),
                        ENROLLMENTS,
                        NPlusOne.NEVER,
                        entityManager -> walk(new EnrollmentRepository(entityManager).findAllStudentsWithCourses())).by("EnrollmentRepository.findAllStudentsWithCourses"),
                new Strategy(
                        "transcript (record)",
                        "One transcript row per enrollment (student, course code, grade) into a record.",
                        CountFormula.constant(1),
                        ENROLLMENTS,
                        NPlusOne.NEVER,
                        entityManager -> new EnrollmentRepository(entityManager).findTranscripts().size()).by("EnrollmentRepository.findTranscripts"));
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
