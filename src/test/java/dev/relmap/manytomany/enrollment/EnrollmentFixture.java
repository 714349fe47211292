package dev.relmap.manytomany.enrollment;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.EnrollmentPattern;
import dev.relmap.catalog.PatternUnits;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Test data for the enrollment tests: the pattern's deterministic seed (N students, all on
 * {@code CS101}; the even-numbered ones also on {@code CS102}, completed with grade 50 + i % 50;
 * nobody on {@code CS999}), and transactions to run things in.
 */
final class EnrollmentFixture {

    /** The instant new enrollments in the tests are dated by; not the seed's. */
    static final Instant TERM_START = Instant.parse("2027-01-15T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(TERM_START, ZoneOffset.UTC);

    private final RelmapUnit unit;

    EnrollmentFixture(RelmapUnit unit) {
        this.unit = unit;
    }

    /** Recreates the pattern's schema on the database the build runs on, and opens its unit. */
    static RelmapUnit openUnit() {
        return PatternUnits.recreateSchemaAndOpen(new EnrollmentPattern(), DatabaseSettings.current());
    }

    RelmapUnit unit() {
        return unit;
    }

    /** Commit with its JPA 3.2 {@code runInTransaction} / {@code callInTransaction}. */
    EntityManagerFactory factory() {
        return unit.entityManagerFactory();
    }

    void clear() {
        factory().runInTransaction(entityManager -> {
            entityManager.createQuery("delete from Enrollment").executeUpdate();
            entityManager.createQuery("delete from Student").executeUpdate();
            entityManager.createQuery("delete from Course").executeUpdate();
        });
    }

    /** Seeds {@link EnrollmentPattern}'s fixture with N students; returns their ids by name. */
    List<Long> seed(int students) {
        factory().runInTransaction(entityManager -> new EnrollmentPattern().seed(entityManager, students));
        return factory().callInTransaction(entityManager -> entityManager
                .createQuery("select s.id from Student s order by s.name", Long.class)
                .getResultList());
    }

    long count(String entityName) {
        return factory().callInTransaction(entityManager -> entityManager
                .createQuery("select count(*) from " + entityName, Long.class)
                .getSingleResult());
    }
}
