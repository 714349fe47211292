package dev.relmap.manytomany.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.ColumnDefault;

/**
 * A student's place on a course: the link row, with data of its own. {@code enrolledOn} is an
 * {@link Instant}, a point on the UTC time line (relmap stores times in UTC), taken when the
 * enrollment is made; {@code grade} stays null until the course is graded.
 */
@Entity
@Table(name = "enrollment", indexes = @Index(name = Enrollment.IX_STUDENT_ID, columnList = "student_id"))
public class Enrollment {

    public static final String FK_STUDENT = "fk_enrollment_student";
    public static final String FK_COURSE = "fk_enrollment_course";
    /** Hibernate orders the key's columns by attribute name, (course_id, student_id): student_id needs its own. */
    public static final String IX_STUDENT_ID = "ix_enrollment_student_id";

    @EmbeddedId
    private EnrollmentId id;

    @MapsId("studentId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", foreignKey = @ForeignKey(name = FK_STUDENT))
    private Student student;

    @MapsId("courseId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id", foreignKey = @ForeignKey(name = FK_COURSE))
    private Course course;

    @Column(name = "enrolled_on", nullable = false)
    private Instant enrolledOn;

    @Column(name = "grade")
    private Integer grade;

    @ColumnDefault("false")
    @Column(name = "completed", nullable = false)
    private boolean completed;

    protected Enrollment() {
    }

    Enrollment(Student student, Course course, Instant enrolledOn) {
        this.id = new EnrollmentId(student.getId(), course.getId());
        this.student = student;
        this.course = course;
        this.enrolledOn = Objects.requireNonNull(enrolledOn, "enrolledOn");
    }

    public EnrollmentId getId() {
        return id;
    }

    public Student getStudent() {
        return student;
    }

    public Course getCourse() {
        return course;
    }

    public Instant getEnrolledOn() {
        return enrolledOn;
    }

    public Integer getGrade() {
        return grade;
    }

    public boolean isCompleted() {
        return completed;
    }

    /** Records the final grade (0–100) and marks the course completed. */
    public void complete(int grade) {
        if (grade < 0 || grade > 100) {
            throw new IllegalArgumentException("Grade " + grade + " is outside 0–100");
        }
        this.grade = grade;
        this.completed = true;
    }

    /**
     * Key equality with a constant hash code: comparing the student and course themselves would
     * load a lazy reference just to compare it, and the key is only complete once persisted.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Enrollment that && id != null && id.isComplete() && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Enrollment.class.hashCode();
    }

    @Override
    public String toString() {
        return "Enrollment" + id;
    }
}
