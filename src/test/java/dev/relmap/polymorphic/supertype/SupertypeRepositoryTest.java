package dev.relmap.polymorphic.supertype;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reads and writes of comments through the supertype, counted, and what the foreign key lets the
 * database refuse. The feed strategies are counted at N = 1, 10 and 1000 by the contract test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupertypeRepositoryTest {

    private static final long UNKNOWN_ID = 999_999;

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
    void seedTenComments() {
        fixture.reseed(10);
    }

    @Nested
    @DisplayName("Comments through a supertype: reads")
    class Reads {

        @Test
        void readsTheCommentsOnOnePostNewestFirstInOneSelect() {
            long postId = tables.idOf("Post 1");
            fixture.factory().runInTransaction(entityManager -> {
                SupertypeFixture.repositoryAt(entityManager, 100).addComment(postId, "ann", "Later");
                SupertypeFixture.repositoryAt(entityManager, 50).addComment(postId, "bob", "Earlier");
            });

            List<String> bodies = fixture.unit().callInRolledBackTransaction(entityManager -> {
                SqlCount.Recorded<List<Comment>> read = SqlCount.recordResult(() ->
                        new CommentRepository(entityManager).commentsOn(postId));
                assertThat(read.report()).hasSelectCount(1).hasStatementCount(1);
                return read.value().stream().map(Comment::getBody).toList();
            });

            assertThat(bodies).containsExactly("Later", "Earlier", "Comment 1");
        }

        @Test
        void readsTheCommentsOnOneProductInOneSelect() {
            long productId = tables.idOf("Product 3");

            SqlCount.Recorded<List<Comment>> read = fixture.unit().callInRolledBackTransaction(entityManager ->
                    SqlCount.recordResult(() -> new CommentRepository(entityManager).commentsOn(productId)));

            assertThat(read.report()).hasSelectCount(1);
            assertThat(read.value()).extracting(Comment::getBody).containsExactly("Comment 3");
        }

        @Test
        void countsTheCommentsOfEveryItemQuietOnesIncludedInOneSelect() {
            SqlCount.Recorded<List<ItemCommentCount>> read = fixture.unit().callInRolledBackTransaction(
                    entityManager -> SqlCount.recordResult(() -> new CommentRepository(entityManager).countsPerItem()));

            assertThat(read.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(read.value()).hasSize(12)
                    .extracting(ItemCommentCount::type, ItemCommentCount::label, ItemCommentCount::comments)
                    .contains(tuple(Post.class, "Quiet post", 0L), tuple(Product.class, "Quiet product", 0L),
                            tuple(Post.class, "Post 1", 1L), tuple(Product.class, "Product 4", 1L));
        }

        @Test
        @DisplayName("counts the comments in one aggregate over item_comment, not in a subquery per item")
        void countsTheCommentsInOneAggregate() {
            SqlCount.Recorded<List<ItemCommentCount>> read = fixture.unit().callInRolledBackTransaction(
                    entityManager -> SqlCount.recordResult(() -> new CommentRepository(entityManager).countsPerItem()));

            String sql = read.report().statements().get(0).sql().toLowerCase(java.util.Locale.ROOT);
            assertThat(sql).containsOnlyOnce("count(").containsOnlyOnce("group by")
                    .doesNotContain("where c2_0.item_id=c1_0.id");
        }

        @Test
        void countsItemsAndCommentsPerTypeInOneSelect() {
            SqlCount.Recorded<List<TypeCommentCount>> read = fixture.unit().callInRolledBackTransaction(
                    entityManager -> SqlCount.recordResult(() -> new CommentRepository(entityManager).countsPerType()));

            assertThat(read.report()).hasSelectCount(1);
            // Of comments 1–10, 1, 2, 5, 6, 9, 10 are on posts; each type has one quiet item more.
            assertThat(read.value()).containsExactlyInAnyOrder(
                    new TypeCommentCount(Post.class, 7L, 6L), new TypeCommentCount(Product.class, 5L, 4L));
        }
    }

    @Nested
    @DisplayName("Comments through a supertype: writes")
    class Writes {

        @Test
        void addsACommentByItemIdInOneInsertWithoutReadingTheItem() {
            long productId = tables.idOf("Product 4");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new CommentRepository(entityManager).addComment(productId, "ann", "Sturdy")));

            assertThat(report).hasSelectCount(0).hasInsertCount(1).hasUpdateCount(0);
            assertThat(tables.rowCounts()).containsEntry("comment", 11L);
        }

        @Test
        @DatabaseRefusalExpected
        void refusesACommentOnAMissingItemOnTheForeignKeyAndWritesNothing() {
            Map<String, Long> before = tables.rowCounts();

            UnknownIdException refused = catchThrowableOfType(UnknownIdException.class, () ->
                    fixture.factory().runInTransaction(entityManager ->
                            new CommentRepository(entityManager).addComment(UNKNOWN_ID, "ann", "Hello?")));

            assertThat(refused).hasMessage("No Commentable with id " + UNKNOWN_ID);
            assertThat(refused.id()).isEqualTo(UNKNOWN_ID);
            ConstraintViolationException violation = violationBehind(refused);
            assertThat(violation.getKind()).isEqualTo(ConstraintKind.FOREIGN_KEY);
            assertThat(violation.getConstraintName()).isEqualToIgnoringCase(Comment.FK_ITEM);
            assertThat(tables.rowCounts()).isEqualTo(before);
        }

        @Test
        void deletingAnItemDeletesItsCommentsInTheDatabase() {
            long postId = tables.idOf("Post 2");
            fixture.factory().runInTransaction(entityManager -> {
                new CommentRepository(entityManager).addComment(postId, "ann", "One more");
                new CommentRepository(entityManager).addComment(postId, "bob", "And another");
            });

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new CommentRepository(entityManager).deleteItem(postId)));

            // The post's row, then its commentable row; on delete cascade takes its 3 comments.
            assertThat(report).hasSelectCount(1).hasDeleteCount(2).hasStatementCount(3);
            assertThat(tables.rowCounts()).containsEntry("comment", 9L).containsEntry("post", 6L);
        }

        @Test
        void refusesToDeleteAMissingItemByIdAndDeletesNothing() {
            Map<String, Long> before = tables.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new CommentRepository(entityManager).deleteItem(UNKNOWN_ID)))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No Commentable with id " + UNKNOWN_ID);

            assertThat(tables.rowCounts()).isEqualTo(before);
        }
    }

    static ConstraintViolationException violationBehind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation;
            }
        }
        throw new AssertionError("no constraint violation behind " + failure, failure);
    }
}
