package dev.relmap.polymorphic.any;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.catalog.AnyPattern;
import dev.relmap.polymorphic.any.AnyJdbcBaseline.CommentRow;
import dev.relmap.polymorphic.any.AnyJdbcBaseline.CountRow;
import dev.relmap.polymorphic.any.AnyJdbcBaseline.ItemRow;
import dev.relmap.polymorphic.any.AnyJdbcBaseline.PostRow;
import dev.relmap.polymorphic.any.AnyJdbcBaseline.ProductRow;
import dev.relmap.testsupport.JdbcBaselineCheck;
import dev.relmap.testsupport.PatternFixture;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The benchmarks' JDBC floor of the @Any comment reads returns the rows the strategies return, at N = 10. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnyJdbcBaselineTest {

    private static final int N = 10;

    private PatternFixture fixture;

    @BeforeAll
    void seed() {
        fixture = AnyFixture.open();
        fixture.reseed(N);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyStrategyCountsTheRowsOfItsJdbcRead() throws SQLException {
        JdbcBaselineCheck.assertCountsMatch(new AnyPattern(), fixture.unit(), N);
    }

    @Test
    void theFeedIsTheCommentsAndItemsJoinFetchLoads() throws SQLException {
        List<CommentRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new CommentRepository(entityManager).latestWithItems(AnyPattern.WHOLE_FEED).stream()
                        .map(entry -> new CommentRow(entry.comment().getId(), entry.comment().getAuthor(),
                                entry.comment().getBody(), entry.comment().getCreatedAt(), item(Hibernate.unproxy(entry.item()))))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), AnyJdbcBaseline::feed))
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

        assertThat(JdbcBaselineCheck.read(fixture.unit(), AnyJdbcBaseline::counts))
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
