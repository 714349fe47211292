package dev.relmap.polymorphic.supertype;

import dev.relmap.catalog.SupertypePattern;
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
 * The floor of {@link SupertypePattern}'s reads: the SQL its strategies need, by hand, into plain
 * records. The feed is one query joining each comment to the supertype row and left joining both
 * subtype tables, the item built as what its non-null subtype row says it is; the counts are the
 * comments grouped by item in a derived table that every item left joins, zero included.
 */
public final class SupertypeJdbcBaseline implements JdbcBaseline {

    record CommentRow(long id, String author, String body, Instant createdAt, ItemRow item) {
    }

    /** A post or a product, as the subtype row found says. */
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
        return "polymorphic-supertype";
    }

    @Override
    public List<JdbcRead> reads() {
        int batch = SupertypePattern.FETCH_BATCH_SIZE;
        return List.of(
                new JdbcRead("comments with their items",
                        Set.of("lazy (N+1)", "JOIN FETCH", "entity graph", "batch fetch (" + batch + ")"),
                        CountFormula.of("N", n -> n), (connection, n) -> countLabels(feed(connection))),
                new JdbcRead("comment counts", Set.of("comment counts (record)"),
                        CountFormula.of("N + " + SampleData.QUIET_ITEMS, n -> n + SampleData.QUIET_ITEMS),
                        (connection, n) -> counts(connection).size()));
    }

    static List<CommentRow> feed(Connection connection) throws SQLException {
        List<CommentRow> comments = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.id, c.author, c.body, c.created_at, i.id, p.title, p.content, pr.name, pr.price
                from item_comment c
                join commentable i on i.id = c.item_id
                left join post p on p.id = i.id
                left join product pr on pr.id = i.id
                order by c.created_at desc, c.id desc
                limit ?""")) {
            statement.setInt(1, SupertypePattern.WHOLE_FEED);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long itemId = rows.getLong(5);
                    String title = rows.getString(6);
                    ItemRow item = title != null ? new PostRow(itemId, title, rows.getString(7))
                            : new ProductRow(itemId, rows.getString(8), rows.getBigDecimal(9));
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
                select case when p.id is not null then 'post' else 'product' end,
                       i.id, coalesce(p.title, pr.name), coalesce(counted.comments, 0)
                from commentable i
                left join post p on p.id = i.id
                left join product pr on pr.id = i.id
                left join (
                    select c.item_id, count(c.id) as comments
                    from item_comment c
                    group by c.item_id
                ) counted on counted.item_id = i.id
                order by i.id""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.add(new CountRow(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getLong(4)));
            }
        }
        return counts;
    }
}
