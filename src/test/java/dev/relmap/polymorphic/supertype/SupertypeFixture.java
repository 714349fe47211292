package dev.relmap.polymorphic.supertype;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.catalog.SupertypePattern;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The supertype unit as the tests use it: opened once per test class, emptied and seeded with N
 * comments ({@link SampleData}, the pattern's one seed) before each test that writes.
 */
final class SupertypeFixture implements AutoCloseable {

    private final RelmapUnit unit;

    private SupertypeFixture(RelmapUnit unit) {
        this.unit = unit;
    }

    static SupertypeFixture open() {
        return new SupertypeFixture(PatternUnits.recreateSchemaAndOpen(new SupertypePattern(), DatabaseSettings.current()));
    }

    RelmapUnit unit() {
        return unit;
    }

    /** Commit with its JPA 3.2 {@code runInTransaction} / {@code callInTransaction}. */
    EntityManagerFactory factory() {
        return unit.entityManagerFactory();
    }

    /** Empties the tables and seeds N comments on N items, plus the two quiet items. */
    void reseed(int comments) {
        factory().runInTransaction(entityManager -> {
            // Plain SQL: a bulk HQL delete over a JOINED hierarchy goes through temporary tables.
            for (String table : new String[] {"item_comment", "post", "product", "commentable"}) {
                entityManager.createNativeQuery("delete from " + table).executeUpdate();
            }
            SampleData.seed(entityManager, comments);
        });
    }

    /** The id of the seeded post or product called {@code label}. */
    long idOf(String label) {
        return factory().callInTransaction(entityManager -> entityManager.createQuery("""
                        select i.id
                        from Commentable i
                        where coalesce(treat(i as Post).title, treat(i as Product).name) = :label
                        """, Long.class)
                .setParameter("label", label)
                .getSingleResult());
    }

    /** A repository whose clock reads {@link SampleData#START} + {@code minutes}. */
    static CommentRepository repositoryAt(EntityManager entityManager, int minutes) {
        return new CommentRepository(entityManager,
                Clock.fixed(SampleData.START.plus(minutes, ChronoUnit.MINUTES), ZoneOffset.UTC));
    }

    /** Rows per table, to prove that a refused write changed nothing. */
    Map<String, Long> rowCounts() {
        return factory().callInTransaction(entityManager -> Map.of(
                "comment", count(entityManager, "Comment"),
                "post", count(entityManager, "Post"),
                "product", count(entityManager, "Product")));
    }

    private static long count(EntityManager entityManager, String entity) {
        return entityManager.createQuery("select count(*) from " + entity, Long.class).getSingleResult();
    }

    @Override
    public void close() {
        unit.close();
    }
}
