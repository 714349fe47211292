package dev.relmap.manytomany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The link table is read from both ends: a book's links by {@code book_id} ({@code Book.authorLinks},
 * every fetch of a book's authors), an author's by {@code author_id} ({@code Author.bookLinks}).
 * Hibernate orders the columns of an {@code @EmbeddedId} by attribute name, so the primary key is
 * (author_id, book_id) and serves only the author's end; PostgreSQL indexes no foreign key, so
 * {@code book_id} has an index of its own, {@value BookAuthorLink#IX_BOOK_ID}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookAuthorIndexTest {

    /** Books seeded for the plans: 3,000 links, enough for the planner to prefer an index to a scan. */
    private static final int BOOKS = 1000;

    private RelmapUnit unit;

    @BeforeAll
    void open() {
        ManyToManyPattern pattern = new ManyToManyPattern();
        unit = pattern.unit().named("many-to-many-plans").recreateSchemaAndOpen(DatabaseSettings.current());
        unit.entityManagerFactory().runInTransaction(entityManager -> pattern.seed(entityManager, BOOKS));
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @Test
    @DisplayName("each key column of book_author leads an index: author_id the primary key, book_id its own")
    void eachKeyColumnLeadsAnIndex() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String table = metadata.storesUpperCaseIdentifiers() ? "BOOK_AUTHOR" : "book_author";

            List<String> primaryKey = primaryKey(metadata, connection, table);
            Map<String, String> leadingColumnByIndex = leadingColumns(metadata, connection, table);

            assertThat(primaryKey).containsExactly("author_id", "book_id");
            assertThat(leadingColumnByIndex).containsEntry(BookAuthorLink.IX_BOOK_ID, "book_id");
        }
    }

    @Test
    @DisplayName("PostgreSQL reads a book's links through ix_book_author_book_id, not a scan of the table")
    void aBooksLinksAreReadThroughTheIndex() throws SQLException {
        assumeTrue(unit.settings().database() == Database.POSTGRESQL, "EXPLAIN output is PostgreSQL's");
        long bookId = firstId("select min(b.id) from Book b");
        String sql = lazyLoadSql(entityManager -> entityManager.find(Book.class, bookId).getAuthorLinks().size());

        String plan = explain(sql, bookId);

        assertThat(sql).contains("where", "book_id=?");
        assertThat(plan).contains(BookAuthorLink.IX_BOOK_ID).doesNotContain("Seq Scan");
    }

    @Test
    @DisplayName("PostgreSQL reads an author's links through the primary key, which author_id leads")
    void anAuthorsLinksAreReadThroughThePrimaryKey() throws SQLException {
        assumeTrue(unit.settings().database() == Database.POSTGRESQL, "EXPLAIN output is PostgreSQL's");
        long authorId = firstId("select min(a.id) from Author a");
        String sql = lazyLoadSql(entityManager -> entityManager.find(Author.class, authorId).getBookLinks().size());

        String plan = explain(sql, authorId);

        assertThat(sql).contains("where", "author_id=?");
        assertThat(plan).contains("book_author_pkey").doesNotContain("Seq Scan");
    }

    /** The SQL Hibernate sends to initialise one lazy collection, as the statement-counting kit saw it. */
    private String lazyLoadSql(Consumer<EntityManager> touch) {
        return unit.callInRolledBackTransaction(entityManager -> {
            SqlReport report = SqlCount.record(() -> touch.accept(entityManager));
            // The first statement finds the owner, the second initialises its collection.
            return report.statements().get(1).sql();
        });
    }

    /**
     * The plan of {@code sql} for {@code id}, after {@code ANALYZE} gave the planner the table's real
     * size: with the statistics of an empty table it would scan whatever the indexes.
     */
    private String explain(String sql, long id) throws SQLException {
        try (Connection connection = unit.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("analyze book_author");
            }
            try (PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
                explain.setLong(1, id);
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
                return String.join("\n", lines);
            }
        }
    }

    private long firstId(String jpql) {
        return unit.entityManagerFactory().callInTransaction(entityManager ->
                entityManager.createQuery(jpql, Long.class).getSingleResult());
    }

    private static List<String> primaryKey(DatabaseMetaData metadata, Connection connection, String table)
            throws SQLException {
        Map<Short, String> bySequence = new TreeMap<>();
        try (ResultSet rows = metadata.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), table)) {
            while (rows.next()) {
                bySequence.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(bySequence.values());
    }

    private static Map<String, String> leadingColumns(DatabaseMetaData metadata, Connection connection, String table)
            throws SQLException {
        Map<String, String> leading = new TreeMap<>();
        try (ResultSet rows = metadata.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false, false)) {
            while (rows.next()) {
                if (rows.getShort("ORDINAL_POSITION") == 1 && rows.getString("INDEX_NAME") != null) {
                    leading.put(rows.getString("INDEX_NAME").toLowerCase(Locale.ROOT),
                            rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return leading;
    }
}
