package dev.relmap.polymorphic.exclusivearc;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.PersistenceException;
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
 * Reads and writes of comments through one foreign key per type, counted, and what the keys and
 * the check constraint let the database refuse. The feed strategies are counted at N = 1, 10 and
 * 1000 by the contract test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExclusiveArcRepositoryTest {

    private static final long UNKNOWN_ID = 999_999;

    private PatternFixture fixture;
    private ExclusiveArcFixture tables;

    @BeforeAll
    void open() {
        fixture = ExclusiveArcFixture.open();
        tables = new ExclusiveArcFixture(fixture.factory());
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
    @DisplayName("Comments through an exclusive arc: reads")
    class Reads {

        @Test
        void readsTheCommentsOnOnePostNewestFirstInOneSelect() {
            long postId = tables.postId("Post 1");
            fixture.factory().runInTransaction(entityManager -> {
                ExclusiveArcFixture.repositoryAt(entityManager, 100).addComment(Post.class, postId, "ann", "Later");
                ExclusiveArcFixture.repositoryAt(entityManager, 50).addComment(Post.class, postId, "bob", "Earlier");
            });

            SqlCount.Recorded<List<Comment>> read = fixture.unit().callInRolledBackTransaction(entityManager ->
                    SqlCount.recordResult(() -> new CommentRepository(entityManager).commentsOn(Post.class, postId)));

            assertThat(read.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(read.value()).extracting(Comment::getBody).containsExactly("Later", "Earlier", "Comment 1");
        }

        @Test
        void countsTheCommentsOfEveryItemQuietOnesIncludedInOneSelect() {
            SqlCount.Recorded<List<ItemCommentCount>> read = fixture.unit().callInRolledBackTransaction(
                    entityManager -> SqlCount.recordResult(() -> new CommentRepository(entityManager).countsPerItem()));

            assertThat(read.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(read.value()).hasSize(12)
                    .extracting(ItemCommentCount::type, ItemCommentCount::label, ItemCommentCount::comments)
                    .contains(tuple("POST", "Quiet post", 0L), tuple("PRODUCT", "Quiet product", 0L),
                            tuple("POST", "Post 1", 1L), tuple("PRODUCT", "Product 4", 1L));
        }

        @Test
        void countsItemsAndCommentsPerTypeInOneSelect() {
            SqlCount.Recorded<List<TypeCommentCount>> read = fixture.unit().callInRolledBackTransaction(
                    entityManager -> SqlCount.recordResult(() -> new CommentRepository(entityManager).countsPerType()));

            assertThat(read.report()).hasSelectCount(1);
            assertThat(read.value()).containsExactly(
                    new TypeCommentCount("POST", 7L, 6L), new TypeCommentCount("PRODUCT", 5L, 4L));
        }
    }

    @Nested
    @DisplayName("Comments through an exclusive arc: writes and integrity")
    class WritesAndIntegrity {

        @Test
        void addsACommentByItemIdInOneInsertWithoutReadingTheItem() {
            long productId = tables.productId("Product 4");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new CommentRepository(entityManager).addComment(Product.class, productId, "ann", "Sturdy")));

            assertThat(report).hasSelectCount(0).hasInsertCount(1).hasUpdateCount(0);
            assertThat(tables.rowCounts()).containsEntry("comment", 11L);
        }

        @Test
        @DatabaseRefusalExpected
        void refusesACommentOnAMissingProductOnItsForeignKeyAndWritesNothing() {
            Map<String, Long> before = tables.rowCounts();

            UnknownIdException refused = catchThrowableOfType(UnknownIdException.class, () ->
                    fixture.factory().runInTransaction(entityManager ->
                            new CommentRepository(entityManager).addComment(Product.class, UNKNOWN_ID, "ann", "?")));

            assertThat(refused).hasMessage("No Product with id " + UNKNOWN_ID);
            ConstraintViolationException violation = violationBehind(refused);
            assertThat(violation.getKind()).isEqualTo(ConstraintKind.FOREIGN_KEY);
            assertThat(violation.getConstraintName()).isEqualToIgnoringCase(Comment.FK_PRODUCT);
            assertThat(tables.rowCounts()).isEqualTo(before);
        }

        @Test
        @DisplayName("the database refuses a comment on a post and a product at once, on the check constraint")
        @DatabaseRefusalExpected
        void theDatabaseRefusesACommentOnTwoItems() {
            long postId = tables.postId("Post 1");
            long productId = tables.productId("Product 3");

            PersistenceException refused = catchThrowableOfType(PersistenceException.class, () ->
                    tables.insertRow(900_001, postId, productId));

            ConstraintViolationException violation = violationBehind(refused);
            assertThat(violation.getKind()).isEqualTo(ConstraintKind.CHECK);
            assertThat(violation.getConstraintName()).isEqualToIgnoringCase(Comment.CK_ONE_ITEM);
            assertThat(tables.rowCounts()).containsEntry("comment", 10L);
        }

        @Test
        @DisplayName("the database refuses a comment on nothing, on the check constraint")
        @DatabaseRefusalExpected
        void theDatabaseRefusesACommentOnNothing() {
            PersistenceException refused = catchThrowableOfType(PersistenceException.class, () ->
                    tables.insertRow(900_001, null, null));

            assertThat(violationBehind(refused).getConstraintName()).isEqualToIgnoringCase(Comment.CK_ONE_ITEM);
            assertThat(tables.rowCounts()).containsEntry("comment", 10L);
        }

        @Test
        @DisplayName("the database refuses a comment on a missing post even from plain SQL, on its foreign key")
        @DatabaseRefusalExpected
        void theDatabaseRefusesADanglingCommentEvenFromPlainSql() {
            PersistenceException refused = catchThrowableOfType(PersistenceException.class, () ->
                    tables.insertRow(900_001, UNKNOWN_ID, null));

            ConstraintViolationException violation = violationBehind(refused);
            assertThat(violation.getKind()).isEqualTo(ConstraintKind.FOREIGN_KEY);
            assertThat(violation.getConstraintName()).isEqualToIgnoringCase(Comment.FK_POST);
            assertThat(tables.rowCounts()).containsEntry("comment", 10L);
        }

        @Test
        @DisplayName("a plain SQL delete of a post takes its comment with it: none dangles, the feed reads the rest in 1 SELECT")
        void aPlainSqlDeleteOfAPostLeavesNoCommentDangling() {
            long postId = tables.postId("Post 1");

            fixture.factory().runInTransaction(entityManager -> entityManager
                    .createNativeQuery("delete from post where id = :id").setParameter("id", postId).executeUpdate());

            SqlCount.Recorded<List<String>> feed = fixture.unit().callInRolledBackTransaction(entityManager ->
                    SqlCount.recordResult(() -> new CommentRepository(entityManager).latestWithItems(10).stream()
                            .map(comment -> comment.getItem().getLabel()).toList()));
            assertThat(feed.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(feed.value()).hasSize(9).doesNotContain("Post 1");
            assertThat(tables.rowCounts()).containsEntry("comment", 9L).containsEntry("post", 6L);
        }

        @Test
        void deletingAnItemDeletesItsCommentsInTheDatabaseInOneDelete() {
            long postId = tables.postId("Post 2");
            fixture.factory().runInTransaction(entityManager ->
                    new CommentRepository(entityManager).addComment(Post.class, postId, "ann", "One more"));

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new CommentRepository(entityManager).deleteItem(Post.class, postId)));

            assertThat(report).hasSelectCount(0).hasDeleteCount(1).hasStatementCount(1);
            assertThat(tables.rowCounts()).containsEntry("comment", 9L).containsEntry("post", 6L);
        }
    }

    private static ConstraintViolationException violationBehind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation;
            }
        }
        throw new AssertionError("no constraint violation behind " + failure, failure);
    }
}
