package dev.relmap.manytomany.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.catalog.EnrollmentPattern;
import dev.relmap.manytomany.enrollment.EnrollmentJdbcBaseline.CourseRow;
import dev.relmap.manytomany.enrollment.EnrollmentJdbcBaseline.EnrollmentRow;
import dev.relmap.manytomany.enrollment.EnrollmentJdbcBaseline.StudentRow;
import dev.relmap.manytomany.enrollment.EnrollmentJdbcBaseline.TranscriptLine;
import dev.relmap.testsupport.JdbcBaselineCheck;
import dev.relmap.testsupport.PatternFixture;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The benchmarks' JDBC floor of the enrollment reads returns the rows the strategies return, at N = 10. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentJdbcBaselineTest {

    private static final int N = 10;

    private PatternFixture fixture;

    @BeforeAll
    void seed() {
        fixture = EnrollmentFixture.open();
        fixture.seed(N);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyStrategyCountsTheRowsOfItsJdbcRead() throws SQLException {
        JdbcBaselineCheck.assertCountsMatch(new EnrollmentPattern(), fixture.unit(), N);
    }

    @Test
    void studentsWithEnrollmentsAreTheStudentsJoinFetchLoads() throws SQLException {
        List<StudentRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new EnrollmentRepository(entityManager).findAllStudentsWithCourses().stream()
                        .map(student -> new StudentRow(student.getId(), student.getName(),
                                student.getEnrollments().stream()
                                        .map(enrollment -> new EnrollmentRow(
                                                new CourseRow(enrollment.getCourse().getId(),
                                                        enrollment.getCourse().getCode(),
                                                        enrollment.getCourse().getName()),
                                                enrollment.getEnrolledOn(), enrollment.getGrade(),
                                                enrollment.isCompleted()))
                                        .sorted(Comparator.comparing(row -> row.course().code()))
                                        .toList()))
                        .toList());

        List<StudentRow> viaJdbc = JdbcBaselineCheck.read(fixture.unit(), EnrollmentJdbcBaseline::studentsWithEnrollments)
                .stream()
                .map(student -> new StudentRow(student.id(), student.name(), student.enrollments().stream()
                        .sorted(Comparator.comparing(row -> row.course().code()))
                        .toList()))
                .toList();

        assertThat(viaJdbc).hasSize(N).isEqualTo(viaHibernate);
    }

    @Test
    void transcriptsAreTheTranscriptRecords() throws SQLException {
        List<TranscriptLine> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new EnrollmentRepository(entityManager).findTranscripts().stream()
                        .map(row -> new TranscriptLine(row.student(), row.courseCode(), row.grade(), row.completed()))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), EnrollmentJdbcBaseline::transcripts))
                .hasSize(N + N / 2).isEqualTo(viaHibernate);
    }
}
