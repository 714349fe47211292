package dev.relmap.polymorphic.supertype;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Equality of items by id at the root of the hierarchy: a {@code Set} still finds an item after
 * persist and merge, and the proxy a comment holds equals the post it stands for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupertypeIdentityTest {

    private PatternFixture fixture;
    private SupertypeFixture tables;

    @BeforeAll
    void open() {
        fixture = SupertypeFixture.open();
        tables = new SupertypeFixture(fixture.factory());
        fixture.reseed(2);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void aSetStillFindsAnItemAfterPersistAndMerge() {
        Post post = new Post("Kept", "In a set before it had an id");
        Set<Commentable> items = new HashSet<>(Set.of(post));

        fixture.factory().runInTransaction(entityManager -> entityManager.persist(post));
        Commentable merged = fixture.factory().callInTransaction(entityManager -> entityManager.merge(post));

        assertThat(items).contains(post).contains(merged);
        assertThat(merged).isNotSameAs(post).isEqualTo(post);
    }

    @Test
    void theProxyACommentHoldsEqualsThePostItStandsForAndIsLoadedToCompare() {
        long postId = tables.idOf("Post 1");
        Post post = fixture.unit().callInRolledBackTransaction(entityManager -> entityManager.find(Post.class, postId));

        fixture.unit().runInRolledBackTransaction(entityManager -> {
            Commentable item = new CommentRepository(entityManager).commentsOn(postId).get(0).getItem();
            assertThat(Hibernate.isInitialized(item)).isFalse();

            SqlReport report = SqlCount.record(() -> {
                assertThat(item).isEqualTo(post);
                assertThat(post).isEqualTo(item);
            });

            // equals is the entity's own, so the proxy loads its target to run it.
            assertThat(report).hasSelectCount(1);
        });
    }
}
