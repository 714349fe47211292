package dev.relmap.polymorphic.supertype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.PersistenceException;
import org.hibernate.Hibernate;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the database guarantees with one foreign key to a supertype — and the two things a JOINED
 * supertype still leaves to the code: the item behind a lazy comment is a proxy of the supertype,
 * and nothing stops one id from being both a post and a product.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupertypeIntegrityTest {

    private PatternFixture fixture;
    private SupertypeFixture tables;

    @BeforeAll
    void open() {
        fixture = SupertypeFixture.open();
        tables = new SupertypeFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @BeforeEach
    void seedFourComments() {
        fixture.reseed(4);
    }

    @Test
    @DisplayName("the database refuses a comment on a missing item, even from plain SQL")
    @DatabaseRefusalExpected
    void theDatabaseRefusesADanglingCommentEvenFromPlainSql() {
        PersistenceException refused = catchThrowableOfType(PersistenceException.class, () ->
                fixture.unit().runInRolledBackTransaction(entityManager -> entityManager.createNativeQuery("""
                        insert into item_comment (id, item_id, author, body, created_at)
                        values (900001, 999999, 'sql', 'Written around the mapping', current_timestamp)
                        """).executeUpdate()));

        ConstraintViolationException violation = SupertypeRepositoryTest.violationBehind(refused);
        assertThat(violation.getKind()).isEqualTo(ConstraintKind.FOREIGN_KEY);
        assertThat(violation.getConstraintName()).isEqualToIgnoringCase(Comment.FK_ITEM);
        assertThat(tables.rowCounts()).containsEntry("comment", 4L);
    }

    @Test
    @DisplayName("pitfall: a lazy item is a proxy of Commentable, so instanceof Post is false until unproxied")
    void aLazyItemIsAProxyOfTheSupertype() {
        long postId = tables.idOf("Post 1");

        fixture.unit().runInRolledBackTransaction(entityManager -> {
            Commentable item = new CommentRepository(entityManager).commentsOn(postId).get(0).getItem();

            assertThat(item).isNotInstanceOf(Post.class);
            assertThat(item.getLabel()).isEqualTo("Post 1");
            assertThat(Hibernate.unproxy(item)).isInstanceOf(Post.class);
        });
    }

    @Test
    @DisplayName("pitfall: the JOINED tables let one id be a post and a product at once; Hibernate reads a post")
    void oneIdCanBeAPostAndAProductAtOnce() {
        long postId = tables.idOf("Post 1");
        fixture.factory().runInTransaction(entityManager -> entityManager.createNativeQuery("""
                        insert into product (id, name, price)
                        values (:id, 'Also a product', 1.00)
                        """).setParameter("id", postId).executeUpdate());

        Object item = fixture.unit().callInRolledBackTransaction(entityManager ->
                Hibernate.unproxy(entityManager.find(Commentable.class, postId)));

        assertThat(item).isInstanceOf(Post.class);
        // Post 1's comment is now on a post and on a product: 3 posts and 4 products over 6 ids.
        assertThat(tables.rowCounts()).containsEntry("post", 3L).containsEntry("product", 4L);
    }
}
