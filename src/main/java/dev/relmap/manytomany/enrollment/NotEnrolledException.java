package dev.relmap.manytomany.enrollment;

import java.util.NoSuchElementException;

/**
 * A change to an enrollment that does not exist: the student and the course exist, but the student
 * is not on the course. The message names both, {@link #studentId()} and {@link #courseCode()}
 * return them. Nothing was changed. A {@link NoSuchElementException}, like {@link UnknownIdException}:
 * the enrollment the caller named is not there.
 */
public class NotEnrolledException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    private final Long studentId;
    private final String courseCode;

    NotEnrolledException(Student student, Course course) {
        this(student, course.getCode(), course);
    }

    NotEnrolledException(Student student, String courseCode) {
        this(student, courseCode, courseCode);
    }

    private NotEnrolledException(Student student, String courseCode, Object course) {
        super(student + " is not enrolled on " + course);
        this.studentId = student.getId();
        this.courseCode = courseCode;
    }

    public Long studentId() {
        return studentId;
    }

    public String courseCode() {
        return courseCode;
    }
}
