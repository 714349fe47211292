package dev.relmap.manytomany.enrollment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Hibernate;

/** A student, the aggregate root of their enrollments: {@link #enroll} and {@link #drop} keep both sides in step. */
@Entity
@Table(name = "student")
public class Student {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "student_seq")
    @SequenceGenerator(name = "student_seq", sequenceName = "student_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @OneToMany(mappedBy = "student", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Enrollment> enrollments = new ArrayList<>();

    public Enrollment enroll(Course course) {
        return enroll(course, Clock.systemUTC());
    }

    /** Enrolls on {@code course} as of {@code clock}'s instant (tests pass a fixed clock). */
    public Enrollment enroll(Course course, Clock clock) {
        if (enrollmentIn(course).isPresent()) {
            throw new DuplicateEnrollmentException(this, course);
        }
        Enrollment enrollment = new Enrollment(this, course, Instant.now(clock));
        enrollments.add(enrollment);
        if (Hibernate.isInitialized(course)) {
            course.enrolled(enrollment);
        }
        return enrollment;
    }

    public void drop(Course course) {
        Enrollment enrollment = enrollmentIn(course)
                .orElseThrow(() -> new NotEnrolledException(this, course));
        enrollments.remove(enrollment);
        if (Hibernate.isInitialized(course)) {
            course.dropped(enrollment);
        }
    }

    protected Student() {
    }

    public Student(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Enrollment> getEnrollments() {
        return Collections.unmodifiableList(enrollments);
    }

    /** The enrollment on {@code course}, compared by id so that an unloaded reference stays unloaded. */
    public Optional<Enrollment> enrollmentIn(Course course) {
        Objects.requireNonNull(course, "course");
        for (Enrollment enrollment : enrollments) {
            Course enrolled = enrollment.getCourse();
            if (enrolled == course || enrolled.getId() != null && enrolled.getId().equals(course.getId())) {
                return Optional.of(enrollment);
            }
        }
        return Optional.empty();
    }

    /** Id equality with a constant hash code: a student has no natural key. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Student that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Student.class.hashCode();
    }

    @Override
    public String toString() {
        return "Student(" + id + ", " + name + ")";
    }
}
