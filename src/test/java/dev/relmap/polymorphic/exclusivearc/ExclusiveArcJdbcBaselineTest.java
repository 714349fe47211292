package dev.relmap.polymorphic.exclusivearc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.catalog.ExclusiveArcPattern;
import dev.relmap.polymorphic.exclusivearc.ExclusiveArcJdbcBaseline.CommentRow;
import dev.relmap.polymorphic.exclusivearc.ExclusiveArcJdbcBaseline.CountRow;
import dev.relmap.polymorphic.exclusivearc.ExclusiveArcJdbcBaseline.ItemRow;
import dev.relmap.polymorphic.exclusivearc.ExclusiveArcJdbcBaseline.PostRow;
import dev.relmap.polymorphic.exclusivearc.ExclusiveArcJdbcBaseline.ProductRow;
import dev.relmap.testsupport.JdbcBaselineCheck;
import dev.relmap.testsupport.PatternFixture;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The benchmarks' JDBC floor of the exclusive-arc comment reads returns the rows the strategies return, at N = 10. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExclusiveArcJdbcBaselineTest {

    private static final int N = 10;

    private PatternFixture fixture;

    @BeforeAll
    void seed() {
        fixture = ExclusiveArcFixture.open();
        fixture.reseed(N);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyStrategyCountsTheRowsOfItsJdbcRead() throws SQLException {
        JdbcBaselineCheck.assertCountsMatch(new ExclusiveArcPattern(), fixture.unit(), N);
    }

    @Test
    void theFeedIsTheCommentsAndItemsJoinFetchLoads() throws SQLException {
        List<CommentRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new CommentRepository(entityManager).latestWithItems(ExclusiveArcPattern.WHOLE_FEED).stream()
                        .map(comment -> new CommentRow(comment.getId(), comment.getAuthor(), comment.getBody(),
                                comment.getCreatedAt(), item(Hibernate.unproxy(comment.getItem()))))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), ExclusiveArcJdbcBaseline::feed))
                .hasSize(N)
                .anyMatch(comment -> comment.item() instanceof PostRow)
                .anyMatch(comment -> comment.item() instanceof ProductRow)
                .isEqualTo(viaHibernate);
    }

    @Test
    void theCountsAreTheItemCommentCountRecords() throws SQLException {
        List<CountRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new CommentRepository(entityManager).countsPerItem().stream()
                        .map(count -> new CountRow(count.type(), count.itemId(),
                                count.label(), count.comments()))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), ExclusiveArcJdbcBaseline::counts))
                .hasSize(N + SampleData.QUIET_ITEMS).isEqualTo(viaHibernate);
    }

    private static ItemRow item(Object item) {
        if (item instanceof Post post) {
            return new PostRow(post.getId(), post.getTitle(), post.getContent());
        }
        Product product = (Product) item;
        return new ProductRow(product.getId(), product.getName(), product.getPrice());
    }
}
