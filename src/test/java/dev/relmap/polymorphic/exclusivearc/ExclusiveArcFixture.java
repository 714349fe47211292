package dev.relmap.polymorphic.exclusivearc;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.ExclusiveArcPattern;
import dev.relmap.catalog.PatternUnits;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The exclusive-arc unit as the tests use it: opened once per test class, emptied and seeded with N
 * comments ({@link SampleData}, the pattern's one seed) before each test that writes.
 */
final class ExclusiveArcFixture implements AutoCloseable {

    private final RelmapUnit unit;

    private ExclusiveArcFixture(RelmapUnit unit) {
        this.unit = unit;
    }

    static ExclusiveArcFixture open() {
        return new ExclusiveArcFixture(PatternUnits.recreateSchemaAndOpen(new ExclusiveArcPattern(), DatabaseSettings.current()));
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
            entityManager.createQuery("delete from Comment").executeUpdate();
            entityManager.createQuery("delete from Post").executeUpdate();
            entityManager.createQuery("delete from Product").executeUpdate();
            SampleData.seed(entityManager, comments);
        });
    }

    long postId(String title) {
        return factory().callInTransaction(entityManager -> entityManager.createQuery(
                "select p.id from Post p where p.title = :title", Long.class)
                .setParameter("title", title)
                .getSingleResult());
    }

    long productId(String name) {
        return factory().callInTransaction(entityManager -> entityManager.createQuery(
                "select p.id from Product p where p.name = :name", Long.class)
                .setParameter("name", name)
                .getSingleResult());
    }

    /** Writes a comment row with plain SQL, around the mapping, as another program could. */
    void insertRow(long commentId, Long postId, Long productId) {
        factory().runInTransaction(entityManager -> entityManager.createNativeQuery("""
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
