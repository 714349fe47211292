package dev.relmap.onetomany;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one-to-many unit as the tests use it: opened once per test class, seeded with N authors
 * only when N changes, and transactions that commit or roll back.
 */
final class Library implements AutoCloseable {

    private final RelmapUnit unit;
    private int seededAuthors = -1;

    private Library(RelmapUnit unit) {
        this.unit = unit;
    }

    static Library open() {
        return new Library(new OneToManyPattern().open());
    }

    /**
     * A second unit in a schema of its own, whose id generators have handed out nothing yet: for
     * counting sequence calls from a known start.
     */
    static Library openFresh() {
        OneToManyPattern pattern = new OneToManyPattern();
        return new Library(Relmap.open(DatabaseSettings.current(), pattern.name() + "-fresh",
                pattern.properties(), pattern.entityClasses().toArray(Class<?>[]::new)));
    }

    RelmapUnit unit() {
        return unit;
    }

    /** Makes the tables hold exactly N seeded authors ({@link Bookshelf}), reseeding only if needed. */
    void seed(int authors) {
        if (seededAuthors != authors) {
            inTransaction(entityManager -> {
                Bookshelf.clear(entityManager);
                Bookshelf.seed(entityManager, authors);
            });
            seededAuthors = authors;
        }
    }

    /** Empties the tables; the next {@link #seed} writes again. */
    void clear() {
        inTransaction(Bookshelf::clear);
        seededAuthors = 0;
    }

    /** Runs {@code work} in a new EntityManager and transaction, and commits. */
    void inTransaction(Consumer<EntityManager> work) {
        fromTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    /** Runs {@code work} in a new EntityManager and transaction, commits, and returns its result. */
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

    /** Runs {@code work} in a new EntityManager and a transaction that is rolled back. */
    void inRolledBackTransaction(Consumer<EntityManager> work) {
        EntityManager entityManager = unit.entityManagerFactory().createEntityManager();
        try {
            entityManager.getTransaction().begin();
            work.accept(entityManager);
        } finally {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
            entityManager.close();
        }
    }

    /** Rows per table, to prove that a failed write changed nothing. */
    Map<String, Long> rowCounts() {
        return fromTransaction(entityManager -> Map.of(
                "author", count(entityManager, "Author"),
                "book", count(entityManager, "Book"),
                "award", count(entityManager, "Award")));
    }

    private static long count(EntityManager entityManager, String entity) {
        return entityManager.createQuery("select count(*) from " + entity, Long.class).getSingleResult();
    }

    @Override
    public void close() {
        unit.close();
    }
}
