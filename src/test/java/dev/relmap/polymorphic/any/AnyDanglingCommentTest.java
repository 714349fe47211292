package dev.relmap.polymorphic.any;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.relmap.catalog.AnyPattern;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A comment whose item is gone, met by every read of {@link CommentRepository}, counted. Four seeded
 * comments — 1 and 2 on posts, 3 and 4 on products — and one that dangles, made in either way the
 * database accepts: {@code addCommentUnchecked} on post 999 999 (the newest comment), or a plain SQL
 * delete of post 1 (whose comment is the oldest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnyDanglingCommentTest {

    private static final long UNKNOWN_ID = 999_999;

    /** The two ways a comment comes to dangle. */
    enum Way {
        UNCHECKED_ADD, PLAIN_SQL_DELETE
    }

    /** The dangling comment and the id of the post it is on, which no row has. */
    record Dangling(long commentId, long postId) {
    }

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

    /** Seeds four comments and makes one dangle {@code way}. */
    private Dangling dangle(Way way) {
        fixture.reseed(4);
        if (way == Way.UNCHECKED_ADD) {
            long commentId = fixture.factory().callInTransaction(entityManager -> AnyFixture
                    .repositoryAt(entityManager, 100).addCommentUnchecked(Post.class, UNKNOWN_ID, "ann", "Hello?")
                    .getId());
            return new Dangling(commentId, UNKNOWN_ID);
        }
        long postId = tables.postId("Post 1");
        long commentId = fixture.factory().callInTransaction(entityManager -> entityManager.createQuery(
                "select c.id from Comment c where c.body = 'Comment 1'", Long.class).getSingleResult());
        fixture.factory().runInTransaction(entityManager -> entityManager
                .createNativeQuery("delete from post where id = :id").setParameter("id", postId).executeUpdate());
        return new Dangling(commentId, postId);
    }

    /** The feed newest first, as body and item label, the dangling comment with no label. */
    private static Tuple[] feed(Way way, boolean withDangling) {
        List<Tuple> rows = new java.util.ArrayList<>();
        if (way == Way.UNCHECKED_ADD && withDangling) {
            rows.add(tuple("Hello?", null));
        }
        rows.addAll(List.of(tuple("Comment 4", "Product 4"), tuple("Comment 3", "Product 3"), tuple("Comment 2", "Post 2")));
        if (way == Way.UNCHECKED_ADD) {
            rows.add(tuple("Comment 1", "Post 1"));
        } else if (withDangling) {
            rows.add(tuple("Comment 1", null));
        }
        return rows.toArray(Tuple[]::new);
    }

    /** Reads each comment's body and its item's label, as a page would, in the recording. */
    private static List<Tuple> shown(List<CommentWithItem> feed) {
        return feed.stream().map(entry -> tuple(entry.comment().getBody(),
                entry.dangles() ? null : entry.item().getLabel())).toList();
    }

    private SqlCount.Recorded<List<Tuple>> readAndShow(Function<CommentRepository, List<CommentWithItem>> read) {
        return fixture.unit().callInRolledBackTransaction(entityManager -> SqlCount.recordResult(() ->
                shown(read.apply(new CommentRepository(entityManager)))));
    }

    @Nested
    @DisplayName("A dangling @Any comment met by the feeds")
    class Feeds {

        @ParameterizedTest
        @EnumSource(Way.class)
        @DisplayName("the feed with items keeps it in its place, without an item, in 1 SELECT")
        void theFeedWithItemsKeepsItInPlaceWithoutAnItem(Way way) {
            dangle(way);

            SqlCount.Recorded<List<Tuple>> read = readAndShow(repository -> repository.latestWithItems(AnyPattern.WHOLE_FEED));

            assertThat(read.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(read.value()).containsExactly(feed(way, true));
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        @DisplayName("the feed by entity graph leaves it out, in 1 SELECT: a fetch cannot read past a missing item")
        void theFeedByEntityGraphLeavesItOut(Way way) {
            dangle(way);

            SqlCount.Recorded<List<Tuple>> read = readAndShow(repository -> repository.latestWithItemsByGraph(AnyPattern.WHOLE_FEED));

            assertThat(read.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(read.value()).containsExactly(feed(way, false));
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        @DisplayName("the lazy feed keeps it without an item and reads only the other items: 1 + 4 or 1 + 3 SELECTs")
        void theLazyFeedKeepsItAndReadsOnlyTheOtherItems(Way way) {
            dangle(way);

            SqlCount.Recorded<List<Tuple>> read = readAndShow(repository -> repository.latest(AnyPattern.WHOLE_FEED));

            assertThat(read.report()).hasSelectCount(way == Way.UNCHECKED_ADD ? 1 + 4 : 1 + 3);
            assertThat(read.value()).containsExactly(feed(way, true));
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        @DisplayName("the batch-fetched feed keeps it without an item: 1 SELECT, 1 for the posts, 1 for the products")
        void theBatchFetchedFeedKeepsIt(Way way) {
            dangle(way);

            SqlCount.Recorded<List<Tuple>> read = readAndShow(repository ->
                    repository.latestThenBatchFetchItems(AnyPattern.WHOLE_FEED, AnyPattern.FETCH_BATCH_SIZE));

            assertThat(read.report()).hasSelectCount(3).hasStatementCount(3);
            assertThat(read.value()).containsExactly(feed(way, true));
        }
    }

    @Nested
    @DisplayName("A dangling @Any comment met by the reads of one item and the counts")
    class ItemsAndCounts {

        @ParameterizedTest
        @EnumSource(Way.class)
        @DisplayName("the comments on the missing post are refused with UnknownIdException, in 1 SELECT")
        void theCommentsOnTheMissingPostAreRefused(Way way) {
            Dangling dangling = dangle(way);

            fixture.unit().runInRolledBackTransaction(entityManager -> {
                SqlReport report = SqlCount.record(() -> {
                    UnknownIdException refused = catchThrowableOfType(UnknownIdException.class, () ->
                            new CommentRepository(entityManager).commentsOn(Post.class, dangling.postId()));

                    assertThat(refused).hasMessage("No Post with id " + dangling.postId());
                });

                assertThat(report).hasSelectCount(1).hasStatementCount(1);
            });
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        @DisplayName("the counts per item, from the items, do not count it, in 1 SELECT")
        void theCountsPerItemDoNotCountIt(Way way) {
            dangle(way);

            SqlCount.Recorded<List<ItemCommentCount>> read = fixture.unit().callInRolledBackTransaction(entityManager ->
                    SqlCount.recordResult(() -> new CommentRepository(entityManager).countsPerItem()));

            assertThat(read.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(read.value()).extracting(ItemCommentCount::label, ItemCommentCount::comments)
                    .containsExactlyElementsOf(way == Way.UNCHECKED_ADD
                            ? List.of(tuple("Quiet post", 0L), tuple("Post 1", 1L), tuple("Post 2", 1L),
                                    tuple("Quiet product", 0L), tuple("Product 3", 1L), tuple("Product 4", 1L))
                            : List.of(tuple("Quiet post", 0L), tuple("Post 2", 1L),
                                    tuple("Quiet product", 0L), tuple("Product 3", 1L), tuple("Product 4", 1L)));
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        @DisplayName("the counts per type count it with its type's comments, in 1 SELECT")
        void theCountsPerTypeCountIt(Way way) {
            dangle(way);

            SqlCount.Recorded<List<TypeCommentCount>> read = fixture.unit().callInRolledBackTransaction(entityManager ->
                    SqlCount.recordResult(() -> new CommentRepository(entityManager).countsPerType()));

            assertThat(read.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(read.value()).containsExactly(way == Way.UNCHECKED_ADD
                            ? new TypeCommentCount(Comment.POST, 3L, 3L) : new TypeCommentCount(Comment.POST, 2L, 2L),
                    new TypeCommentCount(Comment.PRODUCT, 3L, 2L));
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        @DisplayName("deleting the missing post is refused and leaves the comment: it is not the repair, 1 DELETE of no row")
        void deletingTheMissingPostIsRefusedAndLeavesTheComment(Way way) {
            Dangling dangling = dangle(way);

            SqlCount.Recorded<UnknownIdException> refused = fixture.unit().callInRolledBackTransaction(entityManager ->
                    SqlCount.recordResult(() -> catchThrowableOfType(UnknownIdException.class, () ->
                            new CommentRepository(entityManager).deleteItem(Post.class, dangling.postId()))));

            assertThat(refused.value()).hasMessage("No Post with id " + dangling.postId());
            assertThat(refused.report()).hasDeleteCount(1).hasStatementCount(1);
            assertThat(tables.rowCounts()).containsEntry("comment", way == Way.UNCHECKED_ADD ? 5L : 4L);
        }
    }

    @Nested
    @DisplayName("Finding and repairing dangling @Any comments")
    class FindingAndRepairing {

        @ParameterizedTest
        @EnumSource(Way.class)
        @DisplayName("lists the dangling comment with its type and missing id, in 1 SELECT")
        void listsTheDanglingComment(Way way) {
            Dangling dangling = dangle(way);

            SqlCount.Recorded<List<DanglingComment>> read = fixture.unit().callInRolledBackTransaction(entityManager ->
                    SqlCount.recordResult(() -> new CommentRepository(entityManager).danglingComments()));

            assertThat(read.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(read.value()).extracting(DanglingComment::commentId, DanglingComment::itemType,
                            DanglingComment::itemId, DanglingComment::author)
                    .containsExactly(tuple(dangling.commentId(), Comment.POST, dangling.postId(),
                            way == Way.UNCHECKED_ADD ? "ann" : "reader-1"));
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        @DisplayName("deletes the dangling comment in 1 DELETE, after which the feed has none and every other comment")
        void deletesTheDanglingComment(Way way) {
            dangle(way);

            SqlCount.Recorded<Integer> deleted = fixture.factory().callInTransaction(entityManager ->
                    SqlCount.recordResult(() -> new CommentRepository(entityManager).deleteDanglingComments()));

            assertThat(deleted.report()).hasDeleteCount(1).hasStatementCount(1);
            assertThat(deleted.value()).isEqualTo(1);
            assertThat(tables.rowCounts()).containsEntry("comment", way == Way.UNCHECKED_ADD ? 4L : 3L);
            SqlCount.Recorded<List<Tuple>> read = readAndShow(repository -> repository.latestWithItems(AnyPattern.WHOLE_FEED));
            assertThat(read.report()).hasSelectCount(1);
            assertThat(read.value()).containsExactly(feed(way, false));
        }

        @ParameterizedTest
        @EnumSource(Way.class)
        @DisplayName("deletes nothing more when run again: 1 DELETE of no row")
        void deletesNothingMoreWhenRunAgain(Way way) {
            dangle(way);
            fixture.factory().runInTransaction(entityManager -> new CommentRepository(entityManager).deleteDanglingComments());
            var before = tables.rowCounts();

            SqlCount.Recorded<Integer> deleted = fixture.factory().callInTransaction(entityManager ->
                    SqlCount.recordResult(() -> new CommentRepository(entityManager).deleteDanglingComments()));

            assertThat(deleted.report()).hasDeleteCount(1).hasStatementCount(1);
            assertThat(deleted.value()).isZero();
            assertThat(tables.rowCounts()).isEqualTo(before);
        }
    }
}
