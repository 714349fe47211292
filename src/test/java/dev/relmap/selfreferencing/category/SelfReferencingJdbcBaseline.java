package dev.relmap.selfreferencing.category;

import dev.relmap.catalog.SelfReferencingPattern;
import dev.relmap.pattern.CountFormula;
import dev.relmap.testsupport.JdbcBaseline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The floor of {@link SelfReferencingPattern}'s reads: the SQL its strategies need, by hand, into
 * plain records. Whole trees are the same recursive CTE from every root, its rows (ordered by name)
 * linked to their parents in one pass; two levels are the root joined to its subcategories twice.
 */
public final class SelfReferencingJdbcBaseline implements JdbcBaseline {

    record CategoryRow(long id, String name, String description, List<CategoryRow> subcategories) {
    }

    record SizeRow(long rootId, String rootName, long size, int depth) {
    }

    @Override
    public String pattern() {
        return "self-referencing";
    }

    @Override
    public List<JdbcRead> reads() {
        return List.of(
                new JdbcRead("whole trees", Set.of("lazy (N+1)", "subtree (recursive CTE)"), CountFormula.of("N", n -> n),
                        (connection, n) -> count(wholeTrees(connection))),
                new JdbcRead("two levels", Set.of("two levels JOIN FETCH"),
                        CountFormula.of("min(N, 13)", n -> SampleData.nodesWithin(n, 2)),
                        (connection, n) -> count(twoLevels(connection))),
                new JdbcRead("tree sizes", Set.of("tree sizes (record)"), CountFormula.constant(1),
                        (connection, n) -> treeSizes(connection).size()));
    }

    static List<CategoryRow> wholeTrees(Connection connection) throws SQLException {
        List<CategoryRow> roots = new ArrayList<>();
        Map<Long, CategoryRow> byId = new HashMap<>();
        Map<Long, Long> parentOf = new HashMap<>();
        List<CategoryRow> inOrder = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                with recursive tree (id) as (
                    select id from category where parent_id is null
                    union all
                    select c.id from tree t join category c on c.parent_id = t.id
                )
                select c.id, c.name, c.description, c.parent_id
                from tree t
                join category c on c.id = t.id
                order by c.name""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                CategoryRow category = new CategoryRow(rows.getLong(1), rows.getString(2), rows.getString(3),
                        new ArrayList<>());
                long parentId = rows.getLong(4);
                if (!rows.wasNull()) {
                    parentOf.put(category.id(), parentId);
                }
                byId.put(category.id(), category);
                inOrder.add(category);
            }
        }
        for (CategoryRow category : inOrder) {
            Long parentId = parentOf.get(category.id());
            (parentId == null ? roots : byId.get(parentId).subcategories()).add(category);
        }
        return roots;
    }

    static List<CategoryRow> twoLevels(Connection connection) throws SQLException {
        List<CategoryRow> roots = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select r.id, r.name, r.description, s.id, s.name, s.description, g.id, g.name, g.description
                from category r
                left join category s on s.parent_id = r.id
                left join category g on g.parent_id = s.id
                where r.parent_id is null
                order by r.name, s.name, g.name""");
                ResultSet rows = statement.executeQuery()) {
            CategoryRow root = null;
            CategoryRow sub = null;
            while (rows.next()) {
                long rootId = rows.getLong(1);
                if (root == null || root.id() != rootId) {
                    root = new CategoryRow(rootId, rows.getString(2), rows.getString(3), new ArrayList<>());
                    roots.add(root);
                    sub = null;
                }
                long subId = rows.getLong(4);
                if (rows.wasNull()) {
                    continue;
                }
                if (sub == null || sub.id() != subId) {
                    sub = new CategoryRow(subId, rows.getString(5), rows.getString(6), new ArrayList<>());
                    root.subcategories().add(sub);
                }
                long grandchildId = rows.getLong(7);
                if (!rows.wasNull()) {
                    sub.subcategories().add(new CategoryRow(grandchildId, rows.getString(8), rows.getString(9), List.of()));
                }
            }
        }
        return roots;
    }

    /** Every category of the trees, as a menu visits them. */
    private static int count(List<CategoryRow> categories) {
        int visited = 0;
        for (CategoryRow category : categories) {
            visited += (category.name().isEmpty() ? 0 : 1) + count(category.subcategories());
        }
        return visited;
    }

    static List<SizeRow> treeSizes(Connection connection) throws SQLException {
        List<SizeRow> sizes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                with recursive tree (root_id, id, depth) as (
                    select id, id, 0 from category where parent_id is null
                    union all
                    select t.root_id, c.id, t.depth + 1 from tree t join category c on c.parent_id = t.id
                )
                select r.id, r.name, count(t.id), max(t.depth)
                from tree t
                join category r on r.id = t.root_id
                group by r.id, r.name
                order by r.name""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sizes.add(new SizeRow(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getInt(4)));
            }
        }
        return sizes;
    }
}
