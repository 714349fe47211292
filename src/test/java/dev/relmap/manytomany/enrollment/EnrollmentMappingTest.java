package dev.relmap.manytomany.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.testsupport.PatternFixture;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the mapping itself guarantees: stable equality, the columns' defaults, the unique code. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentMappingTest {

    private PatternFixture fixture;

    @BeforeAll
    void open() {
        fixture = EnrollmentFixture.open();
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @BeforeEach
    void emptyTables() {
        fixture.clear();
    }

    @Test
    void aSetFindsTheStudentTheCourseAndTheEnrollmentAfterPersistAndAfterMerge() {
        Course course = new Course("CS201", "Algorithms");
        Student student = new Student("Ada");
        Enrollment enrollment = student.enroll(course, EnrollmentFixture.CLOCK);
        Set<Object> seen = new HashSet<>(List.of(student, course, enrollment));

        fixture.factory().runInTransaction(entityManager -> {
            entityManager.persist(course);
            entityManager.persist(student);
        });
        Student merged = fixture.factory().callInTransaction(entityManager -> entityManager.merge(student));
        Course mergedCourse = fixture.factory().callInTransaction(entityManager -> entityManager.merge(course));

        // The merged enrollment's course is an unloaded reference, detached: its business-key
        // equality would need its code, so it is compared through a merged course instead.
        assertThat(seen).contains(student, course, enrollment);
        assertThat(seen).contains(merged, merged.getEnrollments().get(0), mergedCourse);
    }

    @DisplayName("the database writes completed = false and no grade when a row names neither")
    @Test
    void completedDefaultsToFalseInTheDatabase() {
        long courseId = fixture.factory().callInTransaction(entityManager -> {
            Course course = new Course("CS201", "Algorithms");
            entityManager.persist(course);
            return course.getId();
        });
        long studentId = fixture.factory().callInTransaction(entityManager -> {
            Student student = new Student("Ada");
            entityManager.persist(student);
            return student.getId();
        });

        fixture.factory().runInTransaction(entityManager -> entityManager.createNativeQuery("""
                        insert into enrollment (student_id, course_id, enrolled_on)
                        values (?, ?, current_timestamp)
                        """)
                .setParameter(1, studentId)
                .setParameter(2, courseId)
                .executeUpdate());

        Enrollment stored = fixture.factory().callInTransaction(entityManager ->
                entityManager.find(Enrollment.class, new EnrollmentId(studentId, courseId)));
        assertThat(stored.isCompleted()).isFalse();
        assertThat(stored.getGrade()).isNull();
    }

    @Test
    @DatabaseRefusalExpected
    void aSecondCourseWithTheSameCodeIsRefusedByTheDatabaseAndNamed() {
        fixture.factory().runInTransaction(entityManager -> new CourseRepository(entityManager).create("CS201", "Algorithms"));

        assertThatThrownBy(() -> fixture.factory().runInTransaction(
                        entityManager -> new CourseRepository(entityManager).create("CS201", "Algorithms II")))
                .isInstanceOfSatisfying(DuplicateCourseCodeException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ConstraintKind.UNIQUE);
                    assertThat(refused.constraintName()).isEqualTo(Course.UK_CODE);
                    assertThat(refused.code()).isEqualTo("CS201");
                })
                .hasMessage("A course with code 'CS201' already exists");

        assertThat(fixture.count("Course")).isEqualTo(1);
    }
}
