package dev.relmap.manytomany.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.SchemaProbe;
import dev.relmap.catalog.ManyToManyPattern;
import dev.relmap.testsupport.PatternFixture;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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

    private PatternFixture fixture;
    private SchemaProbe schema;

    @BeforeAll
    void open() {
        fixture = PatternFixture.openSeparate(new ManyToManyPattern(), "plans", ManyToManyFixture::clear);
        fixture.seed(BOOKS);
        schema = new SchemaProbe(fixture.unit());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    @DisplayName("each key column of book_author leads an index: author_id the primary key, book_id its own")
    void eachKeyColumnLeadsAnIndex() throws SQLException {
        List<String> primaryKey = schema.primaryKey("book_author");
        Map<String, String> leadingColumnByIndex = schema.leadingColumnByIndex("book_author");

        assertThat(primaryKey).containsExactly("author_id", "book_id");
        assertThat(leadingColumnByIndex).containsEntry(BookAuthorLink.IX_BOOK_ID, "book_id");
    }

    @Test
    @DisplayName("PostgreSQL reads a book's links through ix_book_author_book_id, not a scan of the table")
    void aBooksLinksAreReadThroughTheIndex() throws SQLException {
        assumeTrue(fixture.unit().settings().database() == Database.POSTGRESQL, "EXPLAIN output is PostgreSQL's");
        long bookId = schema.id("select min(b.id) from Book b");
        String sql = schema.lazyLoadSql(entityManager -> entityManager.find(Book.class, bookId).getAuthorLinks().size());

        String plan = schema.explainOnPostgresql("book_author", sql, bookId);

        assertThat(sql).contains("where", "book_id=?");
        assertThat(plan).contains(BookAuthorLink.IX_BOOK_ID).doesNotContain("Seq Scan");
    }

    @Test
    @DisplayName("PostgreSQL reads an author's links through the primary key, which author_id leads")
    void anAuthorsLinksAreReadThroughThePrimaryKey() throws SQLException {
        assumeTrue(fixture.unit().settings().database() == Database.POSTGRESQL, "EXPLAIN output is PostgreSQL's");
        long authorId = schema.id("select min(a.id) from Author a");
        String sql = schema.lazyLoadSql(entityManager -> entityManager.find(Author.class, authorId).getBookLinks().size());

        String plan = schema.explainOnPostgresql("book_author", sql, authorId);

        assertThat(sql).contains("where", "author_id=?");
        assertThat(plan).contains("book_author_pkey").doesNotContain("Seq Scan");
    }
}
