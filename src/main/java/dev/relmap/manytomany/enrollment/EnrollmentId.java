package dev.relmap.manytomany.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The key of an {@link Enrollment}: the pair (student, course). Value equality. */
@Embeddable
public class EnrollmentId implements Serializable {

    @Column(name = "student_id")
    private Long studentId;

    @Column(name = "course_id")
    private Long courseId;

    protected EnrollmentId() {
    }

    public EnrollmentId(Long studentId, Long courseId) {
        this.studentId = studentId;
        this.courseId = courseId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Long getCourseId() {
        return courseId;
    }

    boolean isComplete() {
        return studentId != null && courseId != null;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof EnrollmentId that
                        && Objects.equals(studentId, that.studentId)
                        && Objects.equals(courseId, that.courseId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(studentId, courseId);
    }

    @Override
    public String toString() {
        return "(student " + studentId + ", course " + courseId + ")";
    }
}
