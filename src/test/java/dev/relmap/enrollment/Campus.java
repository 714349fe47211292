package dev.relmap.enrollment;

import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Test data for the enrollment tests: the pattern's deterministic seed (N students, all on
 * {@code CS101}; the even-numbered ones also on {@code CS102}, completed with grade 50 + i % 50;
 * nobody on {@code CS999}), and transactions to run things in.
 */
final class Campus {

    /** The instant new enrollments in the tests are dated by; not the seed's. */
    static final Instant TERM_START = Instant.parse("2027-01-15T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(TERM_START, ZoneOffset.UTC);

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

    /** Seeds {@link EnrollmentPattern}'s campus with N students; returns their ids by name. */
    List<Long> seed(int students) {
        inTransaction(entityManager -> new EnrollmentPattern().seed(entityManager, students));
        return fromTransaction(entityManager -> entityManager
                .createQuery("select s.id from Student s order by s.name", Long.class)
                .getResultList());
    }

    long count(String entityName) {
        return fromTransaction(entityManager -> entityManager
                .createQuery("select count(*) from " + entityName, Long.class)
                .getSingleResult());
    }
}
