package dev.relmap.manytomany.enrollment;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Deterministic data for this pattern: three courses and N students. Every student is on
 * {@code CS101}; the even-numbered ones are also on {@code CS102}, completed with grade
 * {@code 50 + i % 50}; nobody is on {@code CS999}.
 */
public final class SampleData {

    /** When the seeded enrollments were made: a fixed instant, so the same N gives the same rows. */
    public static final Clock SEED_CLOCK = Clock.fixed(Instant.parse("2026-09-01T08:30:00Z"), ZoneOffset.UTC);

    /** Courses that have at least one student in the seed, whatever N (student 0 takes both). */
    public static final int COURSES_TAKEN = 2;

    private static final int FLUSH_EVERY = 250;

    private SampleData() {
    }

    /**
     * Persists the three courses and {@code students} students with their enrollments, in the
     * caller's transaction. Flushes and clears every few hundred students so that large N stays
     * fast and batched; leaves the context clear.
     */
    public static void seed(EntityManager entityManager, int students) {
        Course programming = new Course("CS101", "Programming");
        Course dataStructures = new Course("CS102", "Data structures");
        entityManager.persist(programming);
        entityManager.persist(dataStructures);
        entityManager.persist(new Course("CS999", "Nobody's course"));
        long programmingId = programming.getId();
        long dataStructuresId = dataStructures.getId();
        for (int i = 0; i < students; i++) {
            Student student = new Student(String.format("Student %04d", i));
            student.enroll(entityManager.getReference(Course.class, programmingId), SEED_CLOCK);
            if (i % 2 == 0) {
                student.enroll(entityManager.getReference(Course.class, dataStructuresId), SEED_CLOCK)
                        .complete(50 + i % 50);
            }
            entityManager.persist(student);
            if ((i + 1) % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        entityManager.flush();
        entityManager.clear();
    }
}
