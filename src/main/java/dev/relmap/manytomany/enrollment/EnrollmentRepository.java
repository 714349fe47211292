package dev.relmap.manytomany.enrollment;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Students, courses and enrollments, with the statements each method costs. Runs in the caller's
 * transaction; writes flush before returning.
 */
public class EnrollmentRepository {

    private final EntityManager entityManager;
    private final Clock clock;

    public EnrollmentRepository(EntityManager entityManager) {
        this(entityManager, Clock.systemUTC());
    }

    /** With the clock enrollments are dated by. */
    public EnrollmentRepository(EntityManager entityManager, Clock clock) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
        this.clock = Require.notNull(clock, "clock");
    }

    /**
     * Enrolls a student on a course: 2 SELECTs (the student with their enrollments, to refuse a
     * duplicate in memory; the course by its code) and 1 INSERT.
     *
     * @throws IllegalArgumentException if {@code courseCode} is null or blank; no statement is sent
     * @throws UnknownIdException naming the student id that does not exist
     * @throws UnknownCourseCodeException naming the course code that does not exist
     * @throws DuplicateEnrollmentException if the student is already enrolled
     */
    public Enrollment enroll(long studentId, String courseCode) {
        Require.notBlank(courseCode, "courseCode");
        Student student = studentWithEnrollments(studentId);
        return enroll(student, course(courseCode));
    }

    /**
     * The student with their enrollments, in 1 SELECT, so that {@link Student#enroll} refuses a
     * duplicate in memory. Also used by {@link CourseSeats} once it holds a seat.
     */
    Student studentWithEnrollments(long studentId) {
        return entityManager.createQuery("""
                        select s
                        from Student s
                        left join fetch s.enrollments
                        where s.id = :id
                        """, Student.class)
                .setParameter("id", studentId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new UnknownIdException(Student.class, studentId));
    }

    /** Enrolls a loaded student on a loaded course and flushes its 1 INSERT. */
    Enrollment enroll(Student student, Course course) {
        Enrollment enrollment = student.enroll(course, clock);
        entityManager.flush();
        return enrollment;
    }

    /**
     * Takes a student off a course: 1 SELECT (the student with their enrollments and courses, so
     * the course is found by code in memory) and exactly 1 DELETE, by orphan removal.
     *
     * @throws IllegalArgumentException if {@code courseCode} is null or blank; no statement is sent
     * @throws UnknownIdException naming the student id that does not exist
     * @throws UnknownCourseCodeException naming the course code that does not exist (1 more SELECT
     *     tells it from a course the student is not on)
     * @throws NotEnrolledException if the student is not on that course
     */
    public void drop(long studentId, String courseCode) {
        Require.notBlank(courseCode, "courseCode");
        Student student = entityManager.createQuery("""
                        select s
                        from Student s
                        left join fetch s.enrollments e
                        left join fetch e.course
                        where s.id = :id
                        """, Student.class)
                .setParameter("id", studentId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new UnknownIdException(Student.class, studentId));
        Course course = student.getEnrollments().stream()
                .map(Enrollment::getCourse)
                .filter(c -> c.getCode().equals(courseCode))
                .findFirst()
                .orElseThrow(() -> notEnrolled(student, courseCode));
        student.drop(course);
        entityManager.flush();
    }

    /**
     * Grades a student's enrollment and marks it completed: 1 SELECT and 1 UPDATE. When there is
     * no such enrollment, 1 or 2 more SELECTs find out why, to name what was wrong.
     *
     * @throws IllegalArgumentException if {@code courseCode} is null or blank, or {@code grade} is
     *     outside 0–100; no statement is sent
     * @throws UnknownIdException naming the student id that does not exist
     * @throws UnknownCourseCodeException naming the course code that does not exist
     * @throws NotEnrolledException if the student is not on that course
     */
    public void complete(long studentId, String courseCode, int grade) {
        Require.notBlank(courseCode, "courseCode");
        Require.between(0, 100, grade, "grade");
        Enrollment enrollment = entityManager.createQuery("""
                        select e
                        from Enrollment e
                        where e.student.id = :studentId
                          and e.course.code = :code
                        """, Enrollment.class)
                .setParameter("studentId", studentId)
                .setParameter("code", courseCode)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> Optional.ofNullable(entityManager.find(Student.class, studentId))
                        .<RuntimeException>map(student -> notEnrolled(student, courseCode))
                        .orElseGet(() -> new UnknownIdException(Student.class, studentId)));
        enrollment.complete(grade);
        entityManager.flush();
    }

    /**
     * The students alone, 1 SELECT. Walking each one's enrollments then costs 1 SELECT per
     * student, and each enrollment's course 1 SELECT per course not yet loaded.
     */
    public List<Student> findAllStudents() {
        return entityManager.createQuery("""
                        select s
                        from Student s
                        order by s.name, s.id
                        """, Student.class)
                .getResultList();
    }

    /** Students, their enrollments and the courses in 1 SELECT. */
    public List<Student> findAllStudentsWithCourses() {
        return entityManager.createQuery("""
                        select s
                        from Student s
                        left join fetch s.enrollments e
                        left join fetch e.course
                        order by s.name, s.id
                        """, Student.class)
                .getResultList();
    }

    /** Every enrollment as a transcript row, by student and course: 1 SELECT, nothing managed. */
    public List<TranscriptRow> findTranscripts() {
        return entityManager.createQuery("""
                        select new dev.relmap.manytomany.enrollment.TranscriptRow(s.name, c.code, e.grade, e.completed)
                        from Enrollment e
                        join e.student s
                        join e.course c
                        order by s.name, c.code
                        """, TranscriptRow.class)
                .getResultList();
    }

    /**
     * The students of one course with their grades, by name: 1 SELECT, an inner join through the
     * link; a course nobody is on costs 1 SELECT more, to tell it from a code no course has.
     *
     * @throws IllegalArgumentException if {@code courseCode} is null or blank; no statement is sent
     * @throws UnknownCourseCodeException naming the course code that does not exist
     */
    public List<StudentGrade> studentsOf(String courseCode) {
        Require.notBlank(courseCode, "courseCode");
        List<StudentGrade> students = entityManager.createQuery("""
                        select new dev.relmap.manytomany.enrollment.StudentGrade(s.id, s.name, e.grade, e.completed)
                        from Enrollment e
                        join e.student s
                        where e.course.code = :code
                        order by s.name, s.id
                        """, StudentGrade.class)
                .setParameter("code", courseCode)
                .getResultList();
        if (students.isEmpty()) {
            course(courseCode); // UnknownCourseCodeException when no course has the code
        }
        return students;
    }

    /**
     * Every course with its number of students, by code: 1 SELECT. The {@code left join} keeps
     * courses nobody took, and counting a single column ({@code count(e.student)}, the foreign
     * key) gives them 0. Neither {@code count(*)} nor {@code count(e)} would: the row that the
     * left join fills with nulls counts as one for {@code count(*)}, and {@code count(e)} on an
     * entity with a composite key becomes {@code count((course_id, student_id))}, which H2 and
     * PostgreSQL count as one too (MariaDB's dialect renders it differently and gets 0).
     */
    // tag::enrollment-counts[]
    public List<CourseEnrollmentCount> enrollmentCounts() {
        return entityManager.createQuery("""
                        select new dev.relmap.manytomany.enrollment.CourseEnrollmentCount(c.code, c.name, count(e.student))
                        from Course c
                        left join c.enrollments e
                        group by c.id, c.code, c.name
                        order by c.code
                        """, CourseEnrollmentCount.class)
                .getResultList();
    }
    // end::enrollment-counts[]

    /**
     * The courses a student completed, by code, with grades: 1 SELECT; a student with none costs
     * 1 SELECT more, to tell them from an id no student has.
     *
     * @throws UnknownIdException naming the student id that does not exist
     */
    public List<CompletedCourse> completedCourses(long studentId) {
        List<CompletedCourse> completed = entityManager.createQuery("""
                        select new dev.relmap.manytomany.enrollment.CompletedCourse(c.code, c.name, e.grade)
                        from Enrollment e
                        join e.course c
                        where e.student.id = :studentId
                          and e.completed = true
                        order by c.code
                        """, CompletedCourse.class)
                .setParameter("studentId", studentId)
                .getResultList();
        if (completed.isEmpty() && entityManager.find(Student.class, studentId) == null) {
            throw new UnknownIdException(Student.class, studentId);
        }
        return completed;
    }

    /** Why a student is not on {@code courseCode}: no course has it (1 SELECT tells), or they are not enrolled. */
    private RuntimeException notEnrolled(Student student, String courseCode) {
        course(courseCode); // UnknownCourseCodeException when no course has the code
        return new NotEnrolledException(student, courseCode);
    }

    private Course course(String code) {
        return entityManager.createQuery("""
                        select c
                        from Course c
                        where c.code = :code
                        """, Course.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new UnknownCourseCodeException(code));
    }
}
