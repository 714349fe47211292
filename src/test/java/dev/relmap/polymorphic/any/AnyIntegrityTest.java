package dev.relmap.polymorphic.any;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.catalog.AnyPattern;
import dev.relmap.sqlcount.ExecutedStatement;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
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
    void seedFourComments() {
        fixture.reseed(4);
    }

    @Test
    @DisplayName("pitfall: the database accepts a comment on a post that does not exist, in 1 INSERT")
    void theDatabaseAcceptsADanglingComment() {
        SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                new CommentRepository(entityManager).addCommentUnchecked(Post.class, UNKNOWN_ID, "ann", "Hello?")));

        assertThat(report).hasSelectCount(0).hasInsertCount(1);
        assertThat(tables.rowCounts()).containsEntry("comment", 5L);
        assertThat(danglingComments()).isEqualTo(1);
    }

    @Test
    @DisplayName("pitfall: deleting a post without the cleanup leaves its comments dangling")
    void deletingAPostWithoutTheCleanupLeavesItsCommentsDangling() {
        long postId = tables.postId("Post 1");

        fixture.factory().runInTransaction(entityManager -> entityManager
                .createQuery("delete from Post p where p.id = :id").setParameter("id", postId).executeUpdate());

        assertThat(danglingComments()).isEqualTo(1);
    }

    @Test
    void theRepositorysDeleteLeavesNoCommentDangling() {
        long postId = tables.postId("Post 1");

        fixture.factory().runInTransaction(entityManager ->
                new CommentRepository(entityManager).deleteItem(Post.class, postId));

        assertThat(danglingComments()).isZero();
        assertThat(tables.rowCounts()).containsEntry("comment", 3L);
    }

    @Test
    @DisplayName("a row of an unmapped type fails the feed as a whole, naming the row, in 1 more SELECT")
    void aRowOfAnUnmappedTypeIsReportedByIdWhenTheFeedIsRead() {
        tables.insertRow(900_001, "VIDEO", 1);

        for (Function<CommentRepository, List<CommentWithItem>> feed : List.<Function<CommentRepository, List<CommentWithItem>>>of(
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

    @Test
    @DisplayName("a feed the database refuses fails with the database's own error, in its 1 SELECT, not with a second query's")
    @DatabaseRefusalExpected
    void aFeedTheDatabaseRefusesFailsWithTheDatabasesOwnError() {
        renamePostTable("post", "post_gone");
        try {
            fixture.unit().runInRolledBackTransaction(entityManager -> {
                Throwable[] thrown = new Throwable[1];
                SqlReport report = SqlCount.record(() -> thrown[0] = catchThrowable(() ->
                        new CommentRepository(entityManager).latestWithItems(AnyPattern.WHOLE_FEED)));

                assertThat(thrown[0]).isInstanceOf(PersistenceException.class)
                        .hasRootCauseInstanceOf(SQLException.class)
                        // PostgreSQL refuses any statement after an error until the rollback: a second
                        // query fails with "current transaction is aborted" and hides the first error.
                        .hasMessageNotContaining("current transaction is aborted");
                // H2 refuses the feed as it prepares it, before it runs: no statement is recorded.
                int feed = DatabaseSettings.current().database() == Database.H2 ? 0 : 1;
                assertThat(report.statements()).extracting(ExecutedStatement::sql)
                        .allMatch(sql -> sql.contains("left join post"), "the feed's query");
                assertThat(report).hasSelectCount(feed).hasStatementCount(feed);
            });
        } finally {
            renamePostTable("post_gone", "post");
        }
    }

    private void renamePostTable(String from, String to) {
        fixture.factory().runInTransaction(entityManager -> entityManager
                .createNativeQuery("alter table " + from + " rename to " + to).executeUpdate());
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
