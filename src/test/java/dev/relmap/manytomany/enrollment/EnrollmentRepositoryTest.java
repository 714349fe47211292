package dev.relmap.manytomany.enrollment;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Student ↔ Course through Enrollment: the reads are one SELECT each at any size, the writes one row. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentRepositoryTest {

    private PatternFixture fixture;
    private EnrollmentFixture tables;
    private List<Long> studentIds;

    @BeforeAll
    void open() {
        fixture = EnrollmentFixture.open();
        tables = new EnrollmentFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    private void seed(int n) {
        fixture.seed(n);
        studentIds = tables.studentIds();
    }

    /** Each question at N = 1, 10 and 1000 students; the fixture is seeded once per N. */
    @Nested
    @ParameterizedClass(name = "with N = {0} students")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("Enrollments: reading")
    class Reading {

        @Parameter
        int n;

        @BeforeEach
        void campusOfN() {
            seed(n);
        }

        @DisplayName("the students of a course with their grades: 1 SELECT")
        @Test
        void studentsOfACourse() {
            var result = record(repository -> repository.studentsOf("CS102"));

            assertThat(result.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(result.value()).hasSize((n + 1) / 2).first()
                    .isEqualTo(new StudentGrade(studentIds.get(0), "Student 0000", 50, true));
        }

        @DisplayName("the enrollment count per course, empty courses included: 1 SELECT")
        @Test
        void enrollmentCountPerCourse() {
            var result = record(EnrollmentRepository::enrollmentCounts);

            assertThat(result.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(result.value())
                    .extracting(CourseEnrollmentCount::code, CourseEnrollmentCount::enrolled)
                    .containsExactly(tuple("CS101", (long) n), tuple("CS102", (long) (n + 1) / 2), tuple("CS999", 0L));
        }

        @DisplayName("a student's completed courses: 1 SELECT")
        @Test
        void completedCoursesOfAStudent() {
            var result = record(repository -> repository.completedCourses(studentIds.get(0)));

            assertThat(result.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(result.value()).containsExactly(new CompletedCourse("CS102", "Data structures", 50));
        }

        @DisplayName("pitfall: count(e) of a composite-key entity counts an empty course's null row on H2 and PostgreSQL")
        @Test
        void countingTheEntityItselfMiscountsEmptyCourses() {
            long nobodysCourse = fixture.factory().callInTransaction(entityManager -> entityManager.createQuery("""
                            select count(e)
                            from Course c
                            left join c.enrollments e
                            where c.code = 'CS999'
                            """, Long.class)
                    .getSingleResult());

            // H2 and PostgreSQL: Hibernate renders count(e) as count((course_id, student_id)), a row
            // value, which is never null as a whole even when both its columns are. MariaDB's
            // dialect has no row-value count and renders count(case when course_id is not null
            // and student_id is not null then 1 end), which gets it right.
            assertThat(nobodysCourse).isEqualTo(switch (fixture.unit().settings().database()) {
                case H2, POSTGRESQL -> 1L;
                case MARIADB -> 0L;
            });
        }

        private <T> SqlCount.Recorded<T> record(java.util.function.Function<EnrollmentRepository, T> read) {
            return fixture.factory().callInTransaction(entityManager -> SqlCount.recordResult(
                    () -> read.apply(new EnrollmentRepository(entityManager))));
        }
    }

    @Nested
    @DisplayName("Enrollments: writing")
    class Writing {

        @BeforeEach
        void twoStudents() {
            seed(2);
        }

        @AfterEach
        void forgetTheSeed() {
            fixture.changed();
        }

        @Test
        void enrollingReadsTheStudentAndTheCourseAndInsertsOneRow() {
            long student = studentIds.get(1);
            AtomicReference<SqlReport> report = new AtomicReference<>();

            fixture.factory().runInTransaction(entityManager -> report.set(SqlCount.record(
                    () -> new EnrollmentRepository(entityManager, EnrollmentFixture.CLOCK).enroll(student, "CS999"))));

            assertThat(report.get()).hasSelectCount(2).hasInsertCount(1).hasUpdateCount(0);
            Enrollment stored = fixture.factory().callInTransaction(entityManager -> entityManager
                    .find(Enrollment.class, new EnrollmentId(student, courseId("CS999"))));
            assertThat(stored.getEnrolledOn()).isEqualTo(EnrollmentFixture.TERM_START);
            assertThat(stored.getGrade()).isNull();
            assertThat(stored.isCompleted()).isFalse();
        }

        @Test
        void completingACourseIsOneSelectAndOneUpdate() {
            long student = studentIds.get(1);
            AtomicReference<SqlReport> report = new AtomicReference<>();

            fixture.factory().runInTransaction(entityManager -> report.set(SqlCount.record(
                    () -> new EnrollmentRepository(entityManager).complete(student, "CS101", 88))));

            assertThat(report.get()).hasSelectCount(1).hasUpdateCount(1).hasInsertCount(0);
            List<CompletedCourse> completed = fixture.factory().callInTransaction(
                    entityManager -> new EnrollmentRepository(entityManager).completedCourses(student));
            assertThat(completed).containsExactly(new CompletedCourse("CS101", "Programming", 88));
        }

        @Test
        void droppingACourseIsOneSelectAndExactlyOneDelete() {
            long student = studentIds.get(0);
            AtomicReference<SqlReport> report = new AtomicReference<>();

            fixture.factory().runInTransaction(entityManager -> report.set(SqlCount.record(
                    () -> new EnrollmentRepository(entityManager).drop(student, "CS101"))));

            assertThat(report.get()).hasSelectCount(1).hasDeleteCount(1).hasInsertCount(0).hasUpdateCount(0);
            assertThat(fixture.count("Enrollment")).isEqualTo(2);
        }

        @Test
        void droppingACourseTheStudentIsNotOnIsNamedAndNothingChanges() {
            long student = studentIds.get(1);

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                            new EnrollmentRepository(entityManager).drop(student, "CS102")))
                    .isInstanceOf(NotEnrolledException.class)
                    .hasMessage("Student(" + student + ", Student 0001) is not enrolled on CS102");

            assertThat(fixture.count("Enrollment")).isEqualTo(3);
        }

        @Test
        void enrollingTwiceOnTheSameCourseIsRefusedAndNothingChanges() {
            long student = studentIds.get(0);

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                            new EnrollmentRepository(entityManager).enroll(student, "CS101")))
                    .isInstanceOf(DuplicateEnrollmentException.class)
                    .hasMessage("Student(" + student + ", Student 0000) is already enrolled on Course("
                            + courseId("CS101") + ", CS101)");

            assertThat(fixture.count("Enrollment")).isEqualTo(3);
        }

        @Test
        void anUnknownCourseCodeIsNamedAndNothingIsWritten() {
            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                            new EnrollmentRepository(entityManager).enroll(studentIds.get(0), "XX404")))
                    .isInstanceOf(UnknownCourseCodeException.class)
                    .hasMessage("No Course with code XX404");

            assertThat(fixture.count("Enrollment")).isEqualTo(3);
        }

        @Test
        void anUnknownStudentIdIsNamedAndNothingIsWritten() {
            long unknown = studentIds.get(1) + 1_000;

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                            new EnrollmentRepository(entityManager).enroll(unknown, "CS999")))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No Student with id " + unknown);

            assertThat(fixture.count("Enrollment")).isEqualTo(3);
        }

        private long courseId(String code) {
            return fixture.factory().callInTransaction(entityManager -> entityManager
                    .createQuery("select c.id from Course c where c.code = :code", Long.class)
                    .setParameter("code", code)
                    .getSingleResult());
        }
    }
}
