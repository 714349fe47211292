package dev.relmap.manytomany.enrollment;

import dev.relmap.catalog.EnrollmentPattern;
import dev.relmap.pattern.CountFormula;
import dev.relmap.testsupport.JdbcBaseline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The floor of {@link EnrollmentPattern}'s reads: the SQL its strategies need, by hand, into plain
 * records. Students with their enrollments is one left join through the link table to the course,
 * grouped into student records as the rows come (ordered by name, then id) and each course built
 * once, as Hibernate's JOIN FETCH de-duplicates its roots and its persistence context the courses.
 */
public final class EnrollmentJdbcBaseline implements JdbcBaseline {

    record StudentRow(long id, String name, List<EnrollmentRow> enrollments) {
    }

    record EnrollmentRow(CourseRow course, Instant enrolledOn, Integer grade, boolean completed) {
    }

    record CourseRow(long id, String code, String name) {
    }

    record TranscriptLine(String student, String courseCode, Integer grade, boolean completed) {
    }

    private static final CountFormula ENROLLMENTS = CountFormula.of("N + ⌈N/2⌉", n -> n + (n + 1) / 2);

    @Override
    public String pattern() {
        return "enrollment";
    }

    @Override
    public List<JdbcRead> reads() {
        return List.of(
                new JdbcRead("students with their enrollments", Set.of("lazy (N+1)", "JOIN FETCH"), ENROLLMENTS,
                        (connection, n) -> countEnrollments(studentsWithEnrollments(connection))),
                new JdbcRead("transcripts", Set.of("transcript (record)"), ENROLLMENTS,
                        (connection, n) -> transcripts(connection).size()));
    }

    static List<StudentRow> studentsWithEnrollments(Connection connection) throws SQLException {
        List<StudentRow> students = new ArrayList<>();
        Map<Long, CourseRow> courses = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select s.id, s.name, e.enrolled_on, e.grade, e.completed, c.id, c.code, c.name
                from student s
                left join enrollment e on e.student_id = s.id
                left join course c on c.id = e.course_id
                order by s.name, s.id""");
                ResultSet rows = statement.executeQuery()) {
            StudentRow current = null;
            while (rows.next()) {
                long studentId = rows.getLong(1);
                if (current == null || current.id() != studentId) {
                    current = new StudentRow(studentId, rows.getString(2), new ArrayList<>());
                    students.add(current);
                }
                long courseId = rows.getLong(6);
                if (!rows.wasNull()) {
                    CourseRow course = courses.get(courseId);
                    if (course == null) {
                        course = new CourseRow(courseId, rows.getString(7), rows.getString(8));
                        courses.put(courseId, course);
                    }
                    int grade = rows.getInt(4);
                    Integer nullableGrade = rows.wasNull() ? null : grade;
                    current.enrollments().add(new EnrollmentRow(course, rows.getTimestamp(3).toInstant(),
                            nullableGrade, rows.getBoolean(5)));
                }
            }
        }
        return students;
    }

    private static int countEnrollments(List<StudentRow> students) {
        int seen = 0;
        for (StudentRow student : students) {
            for (EnrollmentRow enrollment : student.enrollments()) {
                seen += enrollment.course().code() != null && enrollment.enrolledOn() != null ? 1 : 0;
            }
        }
        return seen;
    }

    static List<TranscriptLine> transcripts(Connection connection) throws SQLException {
        List<TranscriptLine> lines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select s.name, c.code, e.grade, e.completed
                from enrollment e
                join student s on s.id = e.student_id
                join course c on c.id = e.course_id
                order by s.name, c.code""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                int grade = rows.getInt(3);
                Integer nullableGrade = rows.wasNull() ? null : grade;
                lines.add(new TranscriptLine(rows.getString(1), rows.getString(2), nullableGrade, rows.getBoolean(4)));
            }
        }
        return lines;
    }
}
