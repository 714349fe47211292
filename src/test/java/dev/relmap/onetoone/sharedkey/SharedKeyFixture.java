package dev.relmap.onetoone.sharedkey;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.catalog.SharedKeyPattern;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;

/**
 * The shared-key unit as the tests use it: opened once per test class and seeded with N users
 * ({@link SampleData}, the pattern's one seed) only when N changes. Transactions are JPA 3.2's:
 * {@code factory().runInTransaction(…)} commits, {@code unit().runInRolledBackTransaction(…)} does not.
 */
final class SharedKeyFixture implements AutoCloseable {

    private final RelmapUnit unit;
    private int seededUsers = -1;

    private SharedKeyFixture(RelmapUnit unit) {
        this.unit = unit;
    }

    /** Recreates the pattern's schema on the database the build runs on, and opens its unit. */
    static SharedKeyFixture open() {
        return new SharedKeyFixture(PatternUnits.recreateSchemaAndOpen(new SharedKeyPattern(), DatabaseSettings.current()));
    }

    RelmapUnit unit() {
        return unit;
    }

    /** Commit with its JPA 3.2 {@code runInTransaction} / {@code callInTransaction}. */
    EntityManagerFactory factory() {
        return unit.entityManagerFactory();
    }

    /** Makes the tables hold exactly N seeded users ({@link SampleData}), reseeding only if needed. */
    void seed(int users) {
        if (seededUsers != users) {
            factory().runInTransaction(entityManager -> {
                SampleData.clear(entityManager);
                SampleData.seed(entityManager, users);
            });
            seededUsers = users;
        }
    }

    /** Empties the tables; the next {@link #seed} writes again. */
    void clear() {
        factory().runInTransaction(SampleData::clear);
        seededUsers = 0;
    }

    /** The id of the user with e-mail {@code email}. */
    long idOf(String email) {
        return factory().callInTransaction(entityManager -> entityManager.createQuery(
                "select u.id from User u where u.email = :email", Long.class)
                .setParameter("email", email)
                .getSingleResult());
    }

    /** Rows per table, to prove that a failed write changed nothing. */
    Map<String, Long> rowCounts() {
        return factory().callInTransaction(entityManager -> Map.of(
                "app_user", count(entityManager, "User"),
                "user_profile", count(entityManager, "UserProfile")));
    }

    private static long count(EntityManager entityManager, String entity) {
        return entityManager.createQuery("select count(*) from " + entity, Long.class).getSingleResult();
    }

    @Override
    public void close() {
        unit.close();
    }
}
