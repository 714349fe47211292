package dev.relmap.manytomany.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.SchemaProbe;
import dev.relmap.catalog.EnrollmentPattern;
import dev.relmap.testsupport.PatternFixture;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The link table is read from both ends: a student's enrollments by {@code student_id}
 * ({@code Student.enrollments}, every transcript), a course's by {@code course_id}
 * ({@code Course.enrollments}, the students of a course, the count per course). Hibernate orders
 * the columns of an {@code @EmbeddedId} by attribute name, so the primary key is
 * (course_id, student_id) and serves only the course's end; PostgreSQL indexes no foreign key, so
 * {@code student_id} has an index of its own, {@value Enrollment#IX_STUDENT_ID}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentIndexTest {

    /** Students seeded for the plans: 1,500 enrollments, enough for the planner to prefer an index to a scan. */
    private static final int STUDENTS = 1000;

    private PatternFixture fixture;
    private SchemaProbe schema;

    @BeforeAll
    void open() {
        fixture = PatternFixture.openSeparate(new EnrollmentPattern(), "plans", EnrollmentFixture::clear);
        fixture.seed(STUDENTS);
        schema = new SchemaProbe(fixture.unit());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    @DisplayName("each key column of enrollment leads an index: course_id the primary key, student_id its own")
    void eachKeyColumnLeadsAnIndex() throws SQLException {
        List<String> primaryKey = schema.primaryKey("enrollment");
        Map<String, String> leadingColumnByIndex = schema.leadingColumnByIndex("enrollment");

        assertThat(primaryKey).containsExactly("course_id", "student_id");
        assertThat(leadingColumnByIndex).containsEntry(Enrollment.IX_STUDENT_ID, "student_id");
    }

    @Test
    @DisplayName("PostgreSQL reads a student's enrollments through ix_enrollment_student_id, not a scan of the table")
    void aStudentsEnrollmentsAreReadThroughTheIndex() throws SQLException {
        assumeTrue(fixture.unit().settings().database() == Database.POSTGRESQL, "EXPLAIN output is PostgreSQL's");
        long studentId = schema.id("select min(s.id) from Student s");
        String sql = schema.lazyLoadSql(entityManager -> entityManager.find(Student.class, studentId).getEnrollments().size());

        String plan = schema.explainOnPostgresql("enrollment", sql, studentId);

        assertThat(sql).contains("where", "student_id=?");
        assertThat(plan).contains(Enrollment.IX_STUDENT_ID).doesNotContain("Seq Scan");
    }

    @Test
    @DisplayName("PostgreSQL reads a small course's enrollments through the primary key, which course_id leads")
    void aSmallCoursesEnrollmentsAreReadThroughThePrimaryKey() throws SQLException {
        assumeTrue(fixture.unit().settings().database() == Database.POSTGRESQL, "EXPLAIN output is PostgreSQL's");
        // CS999 has no students. CS101, which every student takes, is rightly read by a scan: it
        // holds two thirds of the rows, and an index would only add reads.
        long courseId = schema.id("select c.id from Course c where c.code = 'CS999'");
        String sql = schema.lazyLoadSql(entityManager -> entityManager.find(Course.class, courseId).getEnrollments().size());

        String plan = schema.explainOnPostgresql("enrollment", sql, courseId);

        assertThat(sql).contains("where", "course_id=?");
        assertThat(plan).contains("enrollment_pkey").doesNotContain("Seq Scan");
    }
}
