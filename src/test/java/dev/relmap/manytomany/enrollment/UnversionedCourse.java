package dev.relmap.manytomany.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * {@link Course}'s capacity without the {@code @Version}: the pitfall. An UPDATE of it writes the
 * value this transaction computed from what it read, whatever was committed since.
 */
@Entity
@Table(name = "unversioned_course")
public class UnversionedCourse {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unversioned_course_seq")
    @SequenceGenerator(name = "unversioned_course_seq", sequenceName = "unversioned_course_seq", allocationSize = 50)
    private Long id;

    @Column(name = "capacity", nullable = false)
    private int capacity;

    protected UnversionedCourse() {
    }

    UnversionedCourse(int capacity) {
        this.capacity = capacity;
    }

    Long getId() {
        return id;
    }

    int getCapacity() {
        return capacity;
    }

    void addSeats(int seats) {
        capacity += seats;
    }
}
