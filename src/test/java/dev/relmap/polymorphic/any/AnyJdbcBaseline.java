package dev.relmap.polymorphic.any;

import dev.relmap.catalog.AnyPattern;
import dev.relmap.pattern.CountFormula;
import dev.relmap.testsupport.JdbcBaseline;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The floor of {@link AnyPattern}'s reads: the SQL its strategies need, by hand, into plain
 * records. There is no foreign key: the feed left joins each type's table on the discriminator
 * (bound as a parameter) and the id, the item built from whichever table answered; the counts are
 * a {@code union all} of one correlated count per type.
 */
public final class AnyJdbcBaseline implements JdbcBaseline {

    record CommentRow(long id, String author, String body, Instant createdAt, ItemRow item) {
    }

    /** A post or a product, as the discriminator says. */
    sealed interface ItemRow permits PostRow, ProductRow {
        String label();
    }

    record PostRow(long id, String label, String content) implements ItemRow {
    }

    record ProductRow(long id, String label, BigDecimal price) implements ItemRow {
    }

    record CountRow(String type, long itemId, String label, long comments) {
    }

    @Override
    public String pattern() {
        return "polymorphic-any";
    }

    @Override
    public List<JdbcRead> reads() {
        int batch = AnyPattern.FETCH_BATCH_SIZE;
        return List.of(
                new JdbcRead("comments with their items",
                        Set.of("lazy (N+1)", "entity joins", "entity graph", "batch fetch (" + batch + ")"),
                        CountFormula.of("N", n -> n), (connection, n) -> countLabels(feed(connection))),
                new JdbcRead("comment counts", Set.of("comment counts (record)"),
                        CountFormula.of("N + " + SampleData.QUIET_ITEMS, n -> n + SampleData.QUIET_ITEMS),
                        (connection, n) -> counts(connection).size()));
    }

    static List<CommentRow> feed(Connection connection) throws SQLException {
        List<CommentRow> comments = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.id, c.author, c.body, c.created_at, p.id, p.title, p.content, pr.id, pr.name, pr.price
                from item_comment c
                left join post p on c.item_type = ? and p.id = c.item_id
                left join product pr on c.item_type = ? and pr.id = c.item_id
                order by c.created_at desc, c.id desc
                limit ?""")) {
            statement.setString(1, Comment.POST);
            statement.setString(2, Comment.PRODUCT);
            statement.setInt(3, AnyPattern.WHOLE_FEED);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long postId = rows.getLong(5);
                    ItemRow item = !rows.wasNull() ? new PostRow(postId, rows.getString(6), rows.getString(7))
                            : new ProductRow(rows.getLong(8), rows.getString(9), rows.getBigDecimal(10));
                    comments.add(new CommentRow(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), item));
                }
            }
        }
        return comments;
    }

    /** Reads every comment's item label, as a feed showing "… on <item>" would. */
    private static int countLabels(List<CommentRow> comments) {
        int read = 0;
        for (CommentRow comment : comments) {
            read += comment.item().label().isEmpty() ? 0 : 1;
        }
        return read;
    }

    static List<CountRow> counts(Connection connection) throws SQLException {
        List<CountRow> counts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select 0, p.id, p.title, (select count(c.id) from item_comment c where c.item_type = ? and c.item_id = p.id)
                from post p
                union all
                select 1, p.id, p.name, (select count(c.id) from item_comment c where c.item_type = ? and c.item_id = p.id)
                from product p
                order by 1, 2""")) {
            statement.setString(1, Comment.POST);
            statement.setString(2, Comment.PRODUCT);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getInt(1) == 0 ? Comment.POST : Comment.PRODUCT;
                    counts.add(new CountRow(type, rows.getLong(2), rows.getString(3), rows.getLong(4)));
                }
            }
        }
        return counts;
    }
}
