package dev.relmap.polymorphic.supertype;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.relmap.catalog.SupertypePattern;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The supertype's one way to a comment on nothing readable: the foreign keys point from
 * {@code post} and {@code product} to {@code commentable}, so a plain SQL delete of a post row is
 * accepted and leaves its {@code commentable} row, and the comment on it, with no type. Four seeded
 * comments; post 1's row is deleted around the mapping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupertypeUntypedItemTest {

    private PatternFixture fixture;
    private SupertypeFixture tables;
    private long itemId;

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
    void deleteAPostRowAroundTheMapping() {
        fixture.reseed(4);
        itemId = tables.idOf("Post 1");
        fixture.factory().runInTransaction(entityManager -> entityManager
                .createNativeQuery("delete from post where id = :id").setParameter("id", itemId).executeUpdate());
    }

    @Test
    @DisplayName("pitfall: the foreign keys accept a plain SQL delete of a post row, leaving its commentable row and its comment")
    void aPlainSqlDeleteOfAPostRowLeavesAnItemOfNoType() {
        long commentables = fixture.factory().callInTransaction(entityManager -> ((Number) entityManager
                .createNativeQuery("select count(*) from commentable").getSingleResult()).longValue());

        assertThat(commentables).isEqualTo(6);
        assertThat(tables.rowCounts()).containsEntry("post", 2L).containsEntry("comment", 4L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"latestWithItems", "latestWithItemsByGraph", "countsPerItem", "countsPerType", "deleteItem"})
    @DisplayName("a read that meets it fails naming the item and its comments, in 1 more SELECT, and writes nothing")
    void aReadThatMeetsItFailsNamingTheItem(String method) {
        Consumer<CommentRepository> read = switch (method) {
            case "latestWithItems" -> repository -> repository.latestWithItems(SupertypePattern.WHOLE_FEED);
            case "latestWithItemsByGraph" -> repository -> repository.latestWithItemsByGraph(SupertypePattern.WHOLE_FEED);
            case "countsPerItem" -> CommentRepository::countsPerItem;
            case "countsPerType" -> CommentRepository::countsPerType;
            default -> repository -> repository.deleteItem(itemId);
        };
        var before = tables.rowCounts();

        fixture.unit().runInRolledBackTransaction(entityManager -> {
            Throwable[] thrown = new Throwable[1];
            SqlReport report = SqlCount.record(() ->
                    thrown[0] = catchThrowable(() -> read.accept(new CommentRepository(entityManager))));

            assertThat(thrown[0]).isInstanceOf(UntypedItemException.class).hasMessage("Item " + itemId
                    + " has a row in commentable but none in post or product, so it cannot be read (1 comment is on it)");
            assertThat(((UntypedItemException) thrown[0]).itemId()).isEqualTo(itemId);
            assertThat(report).hasSelectCount(2).hasStatementCount(2);
        });
        assertThat(tables.rowCounts()).isEqualTo(before);
    }

    @Test
    @DisplayName("the comments on such an item without comments fail naming it, and the other one, in 1 + 2 SELECTs")
    void theCommentsOnSuchAnItemWithoutCommentsFailNamingIt() {
        long quietId = tables.idOf("Quiet post");
        fixture.factory().runInTransaction(entityManager -> entityManager
                .createNativeQuery("delete from post where id = :id").setParameter("id", quietId).executeUpdate());

        fixture.unit().runInRolledBackTransaction(entityManager -> {
            Throwable[] thrown = new Throwable[1];
            SqlReport report = SqlCount.record(() ->
                    thrown[0] = catchThrowable(() -> new CommentRepository(entityManager).commentsOn(quietId)));

            assertThat(thrown[0]).isInstanceOf(UntypedItemException.class).hasMessage("Item " + quietId
                    + " has a row in commentable but none in post or product, so it cannot be read"
                    + " (0 comments are on it; 1 more such items)");
            assertThat(report).hasSelectCount(3).hasStatementCount(3);
        });
    }

    @Test
    @DisplayName("pitfall: the lazy feed reads in 1 SELECT, and reading that comment's item fails inside Hibernate, naming nothing")
    void theLazyFeedFailsWhenThePageReadsTheItem() {
        fixture.unit().runInRolledBackTransaction(entityManager -> {
            SqlCount.Recorded<List<Comment>> feed = SqlCount.recordResult(() ->
                    new CommentRepository(entityManager).latest(SupertypePattern.WHOLE_FEED));
            Comment onNothing = feed.value().get(feed.value().size() - 1);

            Throwable thrown = catchThrowable(() -> onNothing.getItem().getLabel());

            assertThat(feed.report()).hasSelectCount(1);
            assertThat(onNothing.getBody()).isEqualTo("Comment 1");
            // A NullPointerException, or Hibernate's own AssertionError when assertions are on (-ea).
            assertThat(thrown).isInstanceOfAny(NullPointerException.class, AssertionError.class)
                    .satisfies(failure -> assertThat(String.valueOf(failure.getMessage())).doesNotContain(String.valueOf(itemId)));
        });
    }

    @Test
    @DisplayName("the comments on it are read in 1 SELECT, and a comment added to it is accepted: its key is to commentable")
    void itsCommentsAreReadAndACommentOnItIsAccepted() {
        SqlCount.Recorded<List<Comment>> read = fixture.unit().callInRolledBackTransaction(entityManager ->
                SqlCount.recordResult(() -> new CommentRepository(entityManager).commentsOn(itemId)));
        SqlReport added = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                new CommentRepository(entityManager).addComment(itemId, "ann", "Still here?")));

        assertThat(read.report()).hasSelectCount(1);
        assertThat(read.value()).extracting(Comment::getBody).containsExactly("Comment 1");
        assertThat(added).hasInsertCount(1);
        assertThat(tables.rowCounts()).containsEntry("comment", 5L);
    }
}
