package dev.relmap.polymorphic.any;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reads and writes of comments through {@code @Any}, counted. The feed strategies are counted at
 * N = 1, 10 and 1000 by the contract test; what the database cannot refuse is in {@link AnyIntegrityTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnyRepositoryTest {

    private static final long UNKNOWN_ID = 999_999;

    private PatternFixture fixture;
    private AnyFixture tables;

    @BeforeAll
    void open() {
        fixture = AnyFixture.open();
        tables = new AnyFixture(fixture.factory());
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
    @DisplayName("Comments through @Any: reads")
    class Reads {

        @Test
        void readsTheCommentsOnOnePostNewestFirstInOneSelect() {
            long postId = tables.postId("Post 1");
            fixture.factory().runInTransaction(entityManager -> {
                AnyFixture.repositoryAt(entityManager, 100).addComment(Post.class, postId, "ann", "Later");
                AnyFixture.repositoryAt(entityManager, 50).addComment(Post.class, postId, "bob", "Earlier");
            });

            List<String> bodies = fixture.unit().callInRolledBackTransaction(entityManager -> {
                SqlCount.Recorded<List<Comment>> read = SqlCount.recordResult(() ->
                        new CommentRepository(entityManager).commentsOn(Post.class, postId));
                assertThat(read.report()).hasSelectCount(1).hasStatementCount(1);
                return read.value().stream().map(Comment::getBody).toList();
            });

            assertThat(bodies).containsExactly("Later", "Earlier", "Comment 1");
        }

        @Test
        void readsTheCommentsOnOneProductInOneSelectNotThoseOfAPostWithTheSameId() {
            long productId = tables.productId("Product 3");
            // Posts and products have sequences of their own: the same id can be both.
            tables.insertRow(900_001, Comment.POST, productId);

            SqlCount.Recorded<List<Comment>> read = fixture.unit().callInRolledBackTransaction(entityManager ->
                    SqlCount.recordResult(() -> new CommentRepository(entityManager).commentsOn(Product.class, productId)));

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
                    .contains(tuple(Comment.POST, "Quiet post", 0L), tuple(Comment.PRODUCT, "Quiet product", 0L),
                            tuple(Comment.POST, "Post 1", 1L), tuple(Comment.PRODUCT, "Product 4", 1L));
            assertThat(read.value()).extracting(ItemCommentCount::type)
                    .containsSubsequence(Comment.POST, Comment.PRODUCT).endsWith(Comment.PRODUCT);
        }

        @Test
        void countsItemsAndCommentsPerTypeInOneSelect() {
            SqlCount.Recorded<List<TypeCommentCount>> read = fixture.unit().callInRolledBackTransaction(
                    entityManager -> SqlCount.recordResult(() -> new CommentRepository(entityManager).countsPerType()));

            assertThat(read.report()).hasSelectCount(1);
            // Of comments 1–10, 1, 2, 5, 6, 9, 10 are on posts; each type has one quiet item more.
            assertThat(read.value()).containsExactly(
                    new TypeCommentCount(Comment.POST, 7L, 6L), new TypeCommentCount(Comment.PRODUCT, 5L, 4L));
        }
    }

    @Nested
    @DisplayName("Comments through @Any: writes")
    class Writes {

        @Test
        void theCheckedWriteReadsTheItemOnceThenInsertsTheComment() {
            long productId = tables.productId("Product 4");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new CommentRepository(entityManager).addComment(Product.class, productId, "ann", "Sturdy")));

            assertThat(report).hasSelectCount(1).hasInsertCount(1).hasUpdateCount(0);
            assertThat(tables.rowCounts()).containsEntry("comment", 11L);
        }

        @Test
        void theCheckedWriteRefusesAMissingItemByTypeAndIdAndWritesNothing() {
            Map<String, Long> before = tables.rowCounts();

            fixture.factory().runInTransaction(entityManager -> {
                SqlReport report = SqlCount.record(() -> {
                    UnknownIdException refused = catchThrowableOfType(UnknownIdException.class, () ->
                            new CommentRepository(entityManager).addComment(Post.class, UNKNOWN_ID, "ann", "Hello?"));

                    assertThat(refused).hasMessage("No Post with id " + UNKNOWN_ID);
                    assertThat(refused.type()).isEqualTo(Post.class);
                    assertThat(refused.id()).isEqualTo(UNKNOWN_ID);
                });

                assertThat(report).hasSelectCount(1).hasInsertCount(0);
            });
            assertThat(tables.rowCounts()).isEqualTo(before);
        }

        @Test
        void deletingAnItemDeletesItsCommentsTooInTwoDeletes() {
            long postId = tables.postId("Post 2");
            fixture.factory().runInTransaction(entityManager ->
                    new CommentRepository(entityManager).addComment(Post.class, postId, "ann", "One more"));

            SqlCount.Recorded<Integer> deleted = fixture.factory().callInTransaction(entityManager ->
                    SqlCount.recordResult(() -> new CommentRepository(entityManager).deleteItem(Post.class, postId)));

            assertThat(deleted.report()).hasSelectCount(0).hasDeleteCount(2).hasStatementCount(2);
            assertThat(deleted.value()).isEqualTo(2);
            assertThat(tables.rowCounts()).containsEntry("comment", 9L).containsEntry("post", 6L);
        }

        @Test
        void refusesToDeleteAMissingItemByTypeAndIdAndDeletesNothing() {
            Map<String, Long> before = tables.rowCounts();

            UnknownIdException refused = catchThrowableOfType(UnknownIdException.class, () ->
                    fixture.factory().runInTransaction(entityManager ->
                            new CommentRepository(entityManager).deleteItem(Product.class, UNKNOWN_ID)));

            assertThat(refused).hasMessage("No Product with id " + UNKNOWN_ID);
            assertThat(tables.rowCounts()).isEqualTo(before);
        }
    }
}
