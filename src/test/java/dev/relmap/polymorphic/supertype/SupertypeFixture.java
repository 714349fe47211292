package dev.relmap.polymorphic.supertype;

import dev.relmap.catalog.SupertypePattern;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * What the supertype tests read straight from the tables: item ids by label, rows per table. The
 * unit itself, emptied and seeded with N comments ({@link SampleData}) before each test that
 * writes, is {@link #open()}'s.
 */
final class SupertypeFixture {

    private final EntityManagerFactory factory;

    SupertypeFixture(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Recreates the pattern's schema on the database the build runs on, and opens its unit. */
    static PatternFixture open() {
        return PatternFixture.open(new SupertypePattern(), SupertypeFixture::clear);
    }

    /** Deletes every comment and item, subtype rows first. */
    static void clear(EntityManager entityManager) {
        // Plain SQL: a bulk HQL delete over a JOINED hierarchy goes through temporary tables.
        for (String table : new String[] {"item_comment", "post", "product", "commentable"}) {
            entityManager.createNativeQuery("delete from " + table).executeUpdate();
        }
    }

    /** The id of the seeded post or product called {@code label}. */
    long idOf(String label) {
        return factory.callInTransaction(entityManager -> entityManager.createQuery("""
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
        return PatternFixture.rowCounts(factory, Map.of("comment", "Comment", "post", "Post", "product", "Product"));
    }
}
