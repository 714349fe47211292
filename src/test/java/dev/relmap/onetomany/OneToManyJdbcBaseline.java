package dev.relmap.onetomany;

import dev.relmap.catalog.OneToManyPattern;
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
 * The floor of {@link OneToManyPattern}'s reads: the SQL its strategies need, by hand, into plain
 * records. Authors with their books is one left join grouped into author records as the rows come
 * (ordered by author), as Hibernate's JOIN FETCH de-duplicates its roots. The records and that read
 * are public for the benchmarks' peers ({@code dev.relmap.bench.Peer}), checked against the same rows.
 */
public final class OneToManyJdbcBaseline implements JdbcBaseline {

    private static final int M = SampleData.BOOKS_PER_AUTHOR;

    public record AuthorRow(long id, String name, String email, List<BookRow> books) {
    }

    public record BookRow(long id, String title, String isbn, int pages) {
    }

    record CountRow(long id, String name, long books) {
    }

    record SummaryRow(long id, String title, String authorName) {
    }

    record BookWithAuthor(BookRow book, AuthorRow author) {
    }

    public static final String AUTHORS_WITH_BOOKS = """
            select a.id, a.name, a.email, b.id, b.title, b.isbn, b.pages
            from author a
            left join book b on b.author_id = a.id
            order by a.id""";

    static final String PAGE_WITH_BOOKS = """
            select a.id, a.name, a.email, b.id, b.title, b.isbn, b.pages
            from (select id from author order by id limit ?) p
            join author a on a.id = p.id
            left join book b on b.author_id = a.id
            order by a.id""";

    @Override
    public String pattern() {
        return "one-to-many";
    }

    @Override
    public Set<String> needTheKit() {
        return Set.of("page: JOIN FETCH + limit");
    }

    @Override
    public List<JdbcRead> reads() {
        CountFormula books = CountFormula.of(M + "N", n -> n * M);
        return List.of(
                new JdbcRead("authors with their books",
                        Set.of("lazy (N+1)", "JOIN FETCH", "named entity graph", "typed entity graph",
                                "batch fetch (10)", "subselect fetch"),
                        books, (connection, n) -> countBooks(authorsWithBooks(connection, AUTHORS_WITH_BOOKS, -1))),
                new JdbcRead("a page of authors with their books",
                        Set.of("page: ids, then fetch", "page: JOIN FETCH + limit"),
                        CountFormula.of(M + " × min(N, 10)", n -> Math.min(n, OneToManyPattern.PAGE_SIZE) * M),
                        (connection, n) -> countBooks(
                                authorsWithBooks(connection, PAGE_WITH_BOOKS, OneToManyPattern.PAGE_SIZE))),
                new JdbcRead("book counts", Set.of("book counts (record)"), CountFormula.of("N", n -> n),
                        (connection, n) -> bookCounts(connection).size()),
                new JdbcRead("book summaries", Set.of("books + author name (record)"), books,
                        (connection, n) -> summaries(connection).size()),
                new JdbcRead("books with their author", Set.of("books JOIN FETCH author"), books,
                        (connection, n) -> booksWithAuthor(connection).size()));
    }

    public static List<AuthorRow> authorsWithBooks(Connection connection, String sql, int limit) throws SQLException {
        List<AuthorRow> authors = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (limit >= 0) {
                statement.setInt(1, limit);
            }
            try (ResultSet rows = statement.executeQuery()) {
                AuthorRow current = null;
                while (rows.next()) {
                    long authorId = rows.getLong(1);
                    if (current == null || current.id() != authorId) {
                        current = new AuthorRow(authorId, rows.getString(2), rows.getString(3), new ArrayList<>());
                        authors.add(current);
                    }
                    long bookId = rows.getLong(4);
                    if (!rows.wasNull()) {
                        current.books().add(new BookRow(bookId, rows.getString(5), rows.getString(6), rows.getInt(7)));
                    }
                }
            }
        }
        return authors;
    }

    private static int countBooks(List<AuthorRow> authors) {
        int books = 0;
        for (AuthorRow author : authors) {
            for (BookRow book : author.books()) {
                books += book.title().length() > 0 ? 1 : 0;
            }
        }
        return books;
    }

    static List<CountRow> bookCounts(Connection connection) throws SQLException {
        List<CountRow> counts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select a.id, a.name, count(b.id)
                from author a
                left join book b on b.author_id = a.id
                group by a.id, a.name
                order by a.id""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.add(new CountRow(rows.getLong(1), rows.getString(2), rows.getLong(3)));
            }
        }
        return counts;
    }

    static List<SummaryRow> summaries(Connection connection) throws SQLException {
        List<SummaryRow> summaries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select b.id, b.title, a.name
                from book b
                join author a on a.id = b.author_id
                order by b.id""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                summaries.add(new SummaryRow(rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
        }
        return summaries;
    }

    static List<BookWithAuthor> booksWithAuthor(Connection connection) throws SQLException {
        List<BookWithAuthor> books = new ArrayList<>();
        Map<Long, AuthorRow> authors = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select b.id, b.title, b.isbn, b.pages, a.id, a.name, a.email
                from book b
                join author a on a.id = b.author_id
                order by b.id""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                BookRow book = new BookRow(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4));
                long authorId = rows.getLong(5);
                AuthorRow author = authors.get(authorId);
                if (author == null) {
                    author = new AuthorRow(authorId, rows.getString(6), rows.getString(7), List.of());
                    authors.put(authorId, author);
                }
                books.add(new BookWithAuthor(book, author));
            }
        }
        return books;
    }
}
