package dev.relmap.selfreferencing;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.bootstrap.UnitSpec;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The category unit as the tests use it: opened once per test class and seeded with a tree of N
 * categories ({@link CategoryTree}, the pattern's one seed) only when N changes.
 */
final class CategoryFixture implements AutoCloseable {

    private final RelmapUnit unit;
    private int seeded = -1;

    private CategoryFixture(RelmapUnit unit) {
        this.unit = unit;
    }

    static CategoryFixture open() {
        return open(UnaryOperator.identity());
    }

    /** The pattern's unit with {@code adjust} applied to it (a bigger pool, a longer wait for a connection). */
    static CategoryFixture open(UnaryOperator<UnitSpec> adjust) {
        return new CategoryFixture(adjust.apply(new SelfReferencingPattern().unit())
                .recreateSchemaAndOpen(DatabaseSettings.current()));
    }

    /** The same entities in a schema of their own, named {@code self-referencing-<suffix>}. */
    static CategoryFixture openSeparate(String suffix) {
        SelfReferencingPattern pattern = new SelfReferencingPattern();
        return new CategoryFixture(pattern.unit().named(pattern.name() + "-" + suffix)
                .recreateSchemaAndOpen(DatabaseSettings.current()));
    }

    RelmapUnit unit() {
        return unit;
    }

    EntityManagerFactory factory() {
        return unit.entityManagerFactory();
    }

    /** Makes the table hold exactly a seeded tree of {@code nodes} categories, reseeding only if needed. */
    void seed(int nodes) {
        if (seeded != nodes) {
            factory().runInTransaction(entityManager -> {
                CategoryTree.clear(entityManager);
                CategoryTree.seed(entityManager, nodes);
            });
            seeded = nodes;
        }
    }

    /** Forgets the seeded size, for tests that change the tree: the next {@link #seed} writes again. */
    void changed() {
        seeded = -1;
    }

    /** The id of the category called {@code name} (names of a seeded tree are unique). */
    long idOf(String name) {
        return factory().callInTransaction(entityManager -> entityManager.createQuery(
                "select c.id from Category c where c.name = :name", Long.class)
                .setParameter("name", name)
                .getSingleResult());
    }

    /** Every category as "name < parent name", by name: compared before and after a refused write. */
    List<String> edges() {
        return factory().callInTransaction(entityManager -> entityManager.createQuery("""
                select c.name || ' < ' || coalesce(p.name, '-')
                from Category c
                left join c.parent p
                order by c.name""", String.class)
                .getResultList());
    }

    long count() {
        return factory().callInTransaction(entityManager ->
                entityManager.createQuery("select count(c.id) from Category c", Long.class).getSingleResult());
    }

    @Override
    public void close() {
        unit.close();
    }
}
