package dev.relmap.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.hibernate.Hibernate;
import org.hibernate.annotations.NaturalId;

/**
 * A course, known by its unique code ({@value #UK_CODE}). The inverse side: it sees its
 * enrollments, never cascades.
 */
@Entity
@Table(name = "course", uniqueConstraints = @UniqueConstraint(name = Course.UK_CODE, columnNames = "code"))
public class Course {

    public static final String UK_CODE = "uk_course_code";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_seq")
    @SequenceGenerator(name = "course_seq", sequenceName = "course_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @NaturalId
    @Column(name = "code", nullable = false, length = 16)
    private String code;

    @OneToMany(mappedBy = "course")
    private List<Enrollment> enrollments = new ArrayList<>();

    protected Course() {
    }

    public Course(String code, String name) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    /** Read-only; enroll and drop through {@link Student}. */
    public List<Enrollment> getEnrollments() {
        return Collections.unmodifiableList(enrollments);
    }

    // Called by Student only. Adding to an inverse bag that is not loaded queues the element.
    void enrolled(Enrollment enrollment) {
        enrollments.add(enrollment);
    }

    void dropped(Enrollment enrollment) {
        if (Hibernate.isInitialized(enrollments)) {
            enrollments.remove(enrollment);
        }
    }

    /**
     * Natural-id equality: the code identifies a course before and after it is persisted. The
     * price: comparing with an unloaded reference loads it (and fails once it is detached).
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Course that && code.equals(that.getCode());
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return "Course(" + id + ", " + code + ")";
    }
}
