package dev.relmap.manytomany.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.hibernate.Hibernate;
import org.hibernate.annotations.ColumnDefault;

/**
 * A course, known by its unique code ({@value #UK_CODE}). The inverse side: it sees its
 * enrollments, never cascades. Its {@code capacity} (seats; null for no limit) is edited by
 * several people at once, so the course carries a {@code @Version}: a write based on a stale read
 * fails with {@code OptimisticLockException} instead of silently undoing another one.
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

    // The business key: unique (the @UniqueConstraint above), set once (no setter), and what
    // equals compares. Deliberately not @NaturalId: relmap never looks an entity up by it through
    // Hibernate, and the natural-id entry the persistence context keeps for every loaded entity
    // cost one-to-many's JOIN FETCH about a fifth of its CPU (docs/benchmarks.md, entity gap).
    @Column(name = "code", nullable = false, length = 16)
    private String code;

    @OneToMany(mappedBy = "course")
    private List<Enrollment> enrollments = new ArrayList<>();

    @Column(name = "capacity")
    private Integer capacity;

    // The default fills existing rows when the column is added to a table already in use.
    @Version
    @ColumnDefault("0")
    @Column(name = "version", nullable = false)
    private long version;

    protected Course() {
    }

    public Course(String code, String name) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A course of at most {@code capacity} students. */
    public Course(String code, String name, int capacity) {
        this(code, name);
        if (capacity < 0) {
            throw new IllegalArgumentException("Course " + code + " cannot have " + capacity + " seats");
        }
        this.capacity = capacity;
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

    /** The most students the course takes, or null for no limit. */
    public Integer getCapacity() {
        return capacity;
    }

    /** Adds {@code seats} (negative to take some away) to a course that has a limit. */
    public void addSeats(int seats) {
        if (capacity == null || capacity + seats < 0) {
            throw new IllegalArgumentException(
                    "Course " + code + " with capacity " + capacity + " cannot take " + seats + " seats");
        }
        capacity += seats;
    }

    public long getVersion() {
        return version;
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
     * Business-key equality: the code identifies a course before and after it is persisted. The
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
