package dev.relmap.polymorphic.any;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.relmap.catalog.AnyPattern;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@code @Any} leaves the database unable to refuse — a comment on a missing item, a comment
 * left behind by its item, a type nobody maps — and the guards {@link CommentRepository} adds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnyIntegrityTest {

    private static final long UNKNOWN_ID = 999_999;

    private AnyFixture fixture;

    @BeforeAll
    void open() {
        fixture = AnyFixture.open();
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
    @DisplayName("pitfall: the database accepts a comment on a post that does not exist, in 1 INSERT")
    void theDatabaseAcceptsADanglingComment() {
        SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                new CommentRepository(entityManager).addCommentUnchecked(Post.class, UNKNOWN_ID, "ann", "Hello?")));

        assertThat(report).hasSelectCount(0).hasInsertCount(1);
        assertThat(fixture.rowCounts()).containsEntry("comment", 5L);
        assertThat(danglingComments()).isEqualTo(1);
    }

    @Test
    @DisplayName("pitfall: deleting a post without the cleanup leaves its comments dangling")
    void deletingAPostWithoutTheCleanupLeavesItsCommentsDangling() {
        long postId = fixture.postId("Post 1");

        fixture.factory().runInTransaction(entityManager -> entityManager
                .createQuery("delete from Post p where p.id = :id").setParameter("id", postId).executeUpdate());

        assertThat(danglingComments()).isEqualTo(1);
    }

    @Test
    void theRepositorysDeleteLeavesNoCommentDangling() {
        long postId = fixture.postId("Post 1");

        fixture.factory().runInTransaction(entityManager ->
                new CommentRepository(entityManager).deleteItem(Post.class, postId));

        assertThat(danglingComments()).isZero();
        assertThat(fixture.rowCounts()).containsEntry("comment", 3L);
    }

    @Test
    @DisplayName("a row of an unmapped type fails the feed as a whole, naming the row, in 1 more SELECT")
    void aRowOfAnUnmappedTypeIsReportedByIdWhenTheFeedIsRead() {
        fixture.insertRow(900_001, "VIDEO", 1);

        for (Function<CommentRepository, List<Comment>> feed : List.<Function<CommentRepository, List<Comment>>>of(
                repository -> repository.latest(AnyPattern.WHOLE_FEED),
                repository -> repository.latestWithItems(AnyPattern.WHOLE_FEED),
                repository -> repository.latestWithItemsByGraph(AnyPattern.WHOLE_FEED))) {
            fixture.unit().runInRolledBackTransaction(entityManager -> {
                SqlReport report = SqlCount.record(() -> {
                    UnmappedItemTypeException refused = catchThrowableOfType(UnmappedItemTypeException.class, () ->
                            feed.apply(new CommentRepository(entityManager)));

                    assertThat(refused).hasMessage(
                            "Comment 900001 points at item type 'VIDEO', which is not one of [POST, PRODUCT]");
                    assertThat(refused.commentId()).isEqualTo(900_001);
                    assertThat(refused.itemType()).isEqualTo("VIDEO");
                    // Hibernate's own error names the value, not the row.
                    assertThat(refused.getCause()).hasMessageContaining("Unknown discriminator value")
                            .hasMessageNotContaining("900001");
                });

                assertThat(report).hasSelectCount(2);
            });
        }
    }

    /** Comments whose item row is missing, by plain SQL. */
    private long danglingComments() {
        return fixture.factory().callInTransaction((EntityManager entityManager) -> ((Number) entityManager
                .createNativeQuery("""
                        select count(*)
                        from item_comment c
                        where (c.item_type = 'POST' and not exists (select 1 from post p where p.id = c.item_id))
                           or (c.item_type = 'PRODUCT' and not exists (select 1 from product p where p.id = c.item_id))
                        """)
                .getSingleResult()).longValue());
    }
}
