package dev.relmap.enrollment;

import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Deterministic test data for the enrollment tests: N students, all on {@code CS101}; the
 * even-numbered ones also on {@code CS102}, completed with grade 50 + i % 50; nobody on
 * {@code CS999}.
 */
final class Campus {

    static final Instant TERM_START = Instant.parse("2026-09-01T08:30:00Z");
    static final Clock CLOCK = Clock.fixed(TERM_START, ZoneOffset.UTC);

    private static final int FLUSH_EVERY = 250;

    private final RelmapUnit unit;

    Campus(RelmapUnit unit) {
        this.unit = unit;
    }

    <T> T fromTransaction(Function<EntityManager, T> work) {
        EntityManager entityManager = unit.entityManagerFactory().createEntityManager();
        try {
            entityManager.getTransaction().begin();
            T result = work.apply(entityManager);
            entityManager.getTransaction().commit();
            return result;
        } finally {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
            entityManager.close();
        }
    }

    void inTransaction(Consumer<EntityManager> work) {
        fromTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    void clear() {
        inTransaction(entityManager -> {
            entityManager.createQuery("delete from Enrollment").executeUpdate();
            entityManager.createQuery("delete from Student").executeUpdate();
            entityManager.createQuery("delete from Course").executeUpdate();
        });
    }

    /** Seeds the campus described above; returns the student ids in order. */
    List<Long> seed(int students) {
        return fromTransaction(entityManager -> {
            Course cs101 = new Course("CS101", "Programming");
            Course cs102 = new Course("CS102", "Data structures");
            entityManager.persist(cs101);
            entityManager.persist(cs102);
            entityManager.persist(new Course("CS999", "Nobody's course"));
            long cs101Id = cs101.getId();
            long cs102Id = cs102.getId();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                Student student = new Student(String.format("Student %04d", i));
                student.enroll(entityManager.getReference(Course.class, cs101Id), CLOCK);
                if (i % 2 == 0) {
                    student.enroll(entityManager.getReference(Course.class, cs102Id), CLOCK).complete(50 + i % 50);
                }
                entityManager.persist(student);
                ids.add(student.getId());
                if ((i + 1) % FLUSH_EVERY == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
            }
            return ids;
        });
    }

    long count(String entityName) {
        return fromTransaction(entityManager -> entityManager
                .createQuery("select count(*) from " + entityName, Long.class)
                .getSingleResult());
    }
}
