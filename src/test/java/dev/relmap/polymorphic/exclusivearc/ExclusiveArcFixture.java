package dev.relmap.polymorphic.exclusivearc;

import dev.relmap.catalog.ExclusiveArcPattern;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * What the exclusive-arc tests read and write straight from the tables: item ids, comment rows
 * written around the mapping, rows per table. The unit itself, emptied and seeded with N comments
 * ({@link SampleData}) before each test that writes, is {@link #open()}'s.
 */
final class ExclusiveArcFixture {

    private final EntityManagerFactory factory;

    ExclusiveArcFixture(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Recreates the pattern's schema on the database the build runs on, and opens its unit. */
    static PatternFixture open() {
        return PatternFixture.open(new ExclusiveArcPattern(), ExclusiveArcFixture::clear);
    }

    /** Deletes every comment, post and product. */
    static void clear(EntityManager entityManager) {
        entityManager.createQuery("delete from Comment").executeUpdate();
        entityManager.createQuery("delete from Post").executeUpdate();
        entityManager.createQuery("delete from Product").executeUpdate();
    }

    long postId(String title) {
        return factory.callInTransaction(entityManager -> entityManager.createQuery(
                "select p.id from Post p where p.title = :title", Long.class)
                .setParameter("title", title)
                .getSingleResult());
    }

    long productId(String name) {
        return factory.callInTransaction(entityManager -> entityManager.createQuery(
                "select p.id from Product p where p.name = :name", Long.class)
                .setParameter("name", name)
                .getSingleResult());
    }

    /** Writes a comment row with plain SQL, around the mapping, as another program could. */
    void insertRow(long commentId, Long postId, Long productId) {
        factory.runInTransaction(entityManager -> entityManager.createNativeQuery("""
                        insert into item_comment (id, post_id, product_id, author, body, created_at)
                        values (:id, :postId, :productId, 'sql', 'Written around the mapping', :createdAt)
                        """)
                .setParameter("id", commentId)
                .setParameter("postId", postId)
                .setParameter("productId", productId)
                .setParameter("createdAt", SampleData.START)
                .executeUpdate());
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
