package dev.relmap.manytomany.enrollment;

import dev.relmap.catalog.EnrollmentPattern;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the enrollment tests need besides the unit: the clock new enrollments are dated by, and the
 * seeded students' ids. The unit itself is {@link #open()}'s, seeded with the pattern's N students
 * (all on {@code CS101}; the even-numbered ones also on {@code CS102}, completed with grade
 * 50 + i % 50; nobody on {@code CS999}) only when N changes.
 */
final class EnrollmentFixture {

    /** The instant new enrollments in the tests are dated by; not the seed's. */
    static final Instant TERM_START = Instant.parse("2027-01-15T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(TERM_START, ZoneOffset.UTC);

    private final EntityManagerFactory factory;

    EnrollmentFixture(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Recreates the pattern's schema on the database the build runs on, and opens its unit. */
    static PatternFixture open() {
        return PatternFixture.open(new EnrollmentPattern(), EnrollmentFixture::clear);
    }

    /** Deletes every enrollment, student and course. */
    static void clear(EntityManager entityManager) {
        entityManager.createQuery("delete from Enrollment").executeUpdate();
        entityManager.createQuery("delete from Student").executeUpdate();
        entityManager.createQuery("delete from Course").executeUpdate();
    }

    /** The ids of the seeded students, by name. */
    List<Long> studentIds() {
        return factory.callInTransaction(entityManager -> entityManager
                .createQuery("select s.id from Student s order by s.name", Long.class)
                .getResultList());
    }
}
