package dev.relmap.selfreferencing.category;

import dev.relmap.catalog.SelfReferencingPattern;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;

/**
 * What the category tests read straight from the table: ids by name and the whole tree as edges.
 * The unit itself, seeded with a tree of N categories ({@link SampleData}) only when N changes, is
 * {@link #open()}'s.
 */
final class CategoryFixture {

    private final EntityManagerFactory factory;

    CategoryFixture(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Recreates the pattern's schema on the database the build runs on, and opens its unit. */
    static PatternFixture open() {
        return PatternFixture.open(new SelfReferencingPattern(), SampleData::clear);
    }

    /** The same entities in a schema of their own, named {@code self-referencing-<suffix>}. */
    static PatternFixture openSeparate(String suffix) {
        return PatternFixture.openSeparate(new SelfReferencingPattern(), suffix, SampleData::clear);
    }

    /** The id of the category called {@code name} (names of a seeded tree are unique). */
    long idOf(String name) {
        return factory.callInTransaction(entityManager -> entityManager.createQuery(
                "select c.id from Category c where c.name = :name", Long.class)
                .setParameter("name", name)
                .getSingleResult());
    }

    /** Every category as "name < parent name", by name: compared before and after a refused write. */
    List<String> edges() {
        return factory.callInTransaction(entityManager -> entityManager.createQuery("""
                select c.name || ' < ' || coalesce(p.name, '-')
                from Category c
                left join c.parent p
                order by c.name""", String.class)
                .getResultList());
    }
}
