package dev.relmap.onetoone.sharedkey;

import dev.relmap.catalog.SharedKeyPattern;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;

/**
 * What the shared-key tests read straight from the tables: user ids by e-mail and rows per table.
 * The unit itself, seeded with N users ({@link SampleData}) only when N changes, is {@link #open()}'s.
 */
final class SharedKeyFixture {

    private final EntityManagerFactory factory;

    SharedKeyFixture(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Recreates the pattern's schema on the database the build runs on, and opens its unit. */
    static PatternFixture open() {
        return PatternFixture.open(new SharedKeyPattern(), SampleData::clear);
    }

    /** The id of the user with e-mail {@code email}. */
    long idOf(String email) {
        return factory.callInTransaction(entityManager -> entityManager.createQuery(
                "select u.id from User u where u.email = :email", Long.class)
                .setParameter("email", email)
                .getSingleResult());
    }

    /** Rows per table, to prove that a failed write changed nothing. */
    Map<String, Long> rowCounts() {
        return PatternFixture.rowCounts(factory, Map.of("app_user", "User", "user_profile", "UserProfile"));
    }
}
