package dev.relmap.manytomany.enrollment;

import java.util.Arrays;

/**
 * A second enrollment of the same student on the same course; the message names both, and
 * {@link #value()} is the pair (student id, course code). Refused in memory, before anything is
 * sent: the student's enrollments are loaded to add one, so a lookup tells.
 * {@link #constraintName()} is null, since the key that would refuse it is the enrollment's primary
 * key, which JPA gives no name. Nothing was changed.
 */
public class DuplicateEnrollmentException extends DuplicateKeyException {

    private static final long serialVersionUID = 1L;

    private final Long studentId;
    private final String courseCode;

    DuplicateEnrollmentException(Student student, Course course) {
        super(student + " is already enrolled on " + course,
                Arrays.asList(student.getId(), course.getCode()), (String) null);
        this.studentId = student.getId();
        this.courseCode = course.getCode();
    }

    /** The student's id; null while the student is new. */
    public Long studentId() {
        return studentId;
    }

    public String courseCode() {
        return courseCode;
    }
}
