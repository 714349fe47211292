package dev.relmap.testsupport;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.bootstrap.UnitSpec;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.pattern.MappingPattern;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A pattern's unit as its tests use it: opened once per test class, seeded with the pattern's N
 * roots ({@link MappingPattern#seed}) only when N changes, and emptied by the package's own clear
 * function. Transactions are JPA 3.2's: {@code factory().runInTransaction(…)} commits,
 * {@code unit().runInRolledBackTransaction(…)} does not. What only one package needs (its id
 * lookups, its row counts, its plain SQL) stays in that package's fixture.
 */
public final class PatternFixture implements AutoCloseable {

    private final MappingPattern pattern;
    private final Consumer<EntityManager> clear;
    private final RelmapUnit unit;
    private int seeded = -1;

    private PatternFixture(MappingPattern pattern, Consumer<EntityManager> clear, RelmapUnit unit) {
        this.pattern = pattern;
        this.clear = clear;
        this.unit = unit;
    }

    /**
     * Recreates {@code pattern}'s schema on the database the build runs on and opens its unit;
     * {@code clear} empties its tables inside a transaction the fixture owns.
     */
    public static PatternFixture open(MappingPattern pattern, Consumer<EntityManager> clear) {
        return open(pattern, clear, UnaryOperator.identity());
    }

    /**
     * As {@link #open(MappingPattern, Consumer)}, with {@code adjust} applied to the pattern's unit
     * first: a bigger pool or a longer wait for a connection, as the concurrency tests need
     * ({@link Contenders#unit}).
     */
    public static PatternFixture open(MappingPattern pattern, Consumer<EntityManager> clear,
            UnaryOperator<UnitSpec> adjust) {
        return new PatternFixture(pattern, clear,
                adjust.apply(PatternUnits.unit(pattern)).recreateSchemaAndOpen(DatabaseSettings.current()));
    }

    /**
     * The same entities in a schema of their own, named {@code <pattern>-<suffix>}: for data the
     * pattern's other tests must not see (a large tree, the rows behind a query plan), or id
     * generators that have handed out nothing yet.
     */
    public static PatternFixture openSeparate(MappingPattern pattern, String suffix, Consumer<EntityManager> clear) {
        return new PatternFixture(pattern, clear,
                PatternUnits.unit(pattern).named(pattern.name() + "-" + suffix).recreateSchemaAndOpen(DatabaseSettings.current()));
    }

    public RelmapUnit unit() {
        return unit;
    }

    /** Commit with its JPA 3.2 {@code runInTransaction} / {@code callInTransaction}. */
    public EntityManagerFactory factory() {
        return unit.entityManagerFactory();
    }

    /** Makes the tables hold exactly the pattern's seed of size {@code n}, clearing and writing only if needed. */
    public void seed(int n) {
        if (seeded != n) {
            factory().runInTransaction(entityManager -> {
                clear.accept(entityManager);
                pattern.seed(entityManager, n);
            });
            seeded = n;
        }
    }

    /** Clears and seeds {@code n} whatever was there: for tests that write. */
    public void reseed(int n) {
        changed();
        seed(n);
    }

    /** Empties the tables; the next {@link #seed} writes again. */
    public void clear() {
        factory().runInTransaction(clear);
        seeded = 0;
    }

    /** Forgets the seeded size after a test changed the data: the next {@link #seed} writes again. */
    public void changed() {
        seeded = -1;
    }

    /** The rows of {@code entity}: one SELECT in a transaction of its own. */
    public long count(String entity) {
        return factory().callInTransaction(entityManager -> count(entityManager, entity));
    }

    /**
     * Rows per table in one transaction, each entity's count under its key: what a package's
     * fixture compares before and after a refused write, for example
     * {@code rowCounts(factory, Map.of("app_user", "User", "user_profile", "UserProfile"))}.
     */
    public static Map<String, Long> rowCounts(EntityManagerFactory factory, Map<String, String> entityByKey) {
        return factory.callInTransaction(entityManager -> {
            Map<String, Long> counts = new HashMap<>();
            entityByKey.forEach((key, entity) -> counts.put(key, count(entityManager, entity)));
            return Map.copyOf(counts);
        });
    }

    private static long count(EntityManager entityManager, String entity) {
        return entityManager.createQuery("select count(*) from " + entity, Long.class).getSingleResult();
    }

    @Override
    public void close() {
        unit.close();
    }
}
