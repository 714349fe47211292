package dev.relmap.manytomany.link;

import dev.relmap.catalog.ManyToManyPattern;
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
 * The floor of {@link ManyToManyPattern}'s reads: books joined to their links and authors by hand,
 * folded into book records as the rows come, each author built once however many books share it
 * (as Hibernate's persistence context does); and the credits as flat records. The book records and
 * their read are public for the benchmarks' peers ({@code dev.relmap.bench.Peer}), checked against the
 * same rows.
 */
public final class ManyToManyJdbcBaseline implements JdbcBaseline {

    public record BookRow(long id, String title, String isbn, List<CreditRow> credits) {
    }

    public record AuthorRow(long id, String name, String email) {
    }

    public record CreditRow(AuthorRow author, AuthorRole role) {
    }

    record FlatCredit(long bookId, String title, String authorName, AuthorRole role) {
    }

    @Override
    public String pattern() {
        return "many-to-many";
    }

    @Override
    public List<JdbcRead> reads() {
        CountFormula credits = CountFormula.of(SampleData.AUTHORS_PER_BOOK + "N",
                n -> n * SampleData.AUTHORS_PER_BOOK);
        return List.of(
                new JdbcRead("books with their authors", Set.of("lazy (N+1)", "JOIN FETCH", "entity graph"), credits,
                        (connection, n) -> countCredits(booksWithAuthors(connection))),
                new JdbcRead("credits", Set.of("credits (record)"), credits,
                        (connection, n) -> credits(connection).size()));
    }

    public static List<BookRow> booksWithAuthors(Connection connection) throws SQLException {
        List<BookRow> books = new ArrayList<>();
        Map<Long, AuthorRow> authors = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select b.id, b.title, b.isbn, l.role, a.id, a.name, a.email
                from book b
                left join book_author l on l.book_id = b.id
                left join author a on a.id = l.author_id
                order by b.id""");
                ResultSet rows = statement.executeQuery()) {
            BookRow current = null;
            while (rows.next()) {
                long bookId = rows.getLong(1);
                if (current == null || current.id() != bookId) {
                    current = new BookRow(bookId, rows.getString(2), rows.getString(3), new ArrayList<>());
                    books.add(current);
                }
                String role = rows.getString(4);
                if (role != null) {
                    long authorId = rows.getLong(5);
                    AuthorRow author = authors.get(authorId);
                    if (author == null) {
                        author = new AuthorRow(authorId, rows.getString(6), rows.getString(7));
                        authors.put(authorId, author);
                    }
                    current.credits().add(new CreditRow(author, AuthorRole.valueOf(role)));
                }
            }
        }
        return books;
    }

    private static int countCredits(List<BookRow> books) {
        int credits = 0;
        for (BookRow book : books) {
            for (CreditRow credit : book.credits()) {
                credits += credit.author().name() != null ? 1 : 0;
            }
        }
        return credits;
    }

    static List<FlatCredit> credits(Connection connection) throws SQLException {
        List<FlatCredit> credits = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select b.id, b.title, a.name, l.role
                from book_author l
                join book b on b.id = l.book_id
                join author a on a.id = l.author_id
                order by b.id, a.name""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                credits.add(new FlatCredit(rows.getLong(1), rows.getString(2), rows.getString(3),
                        AuthorRole.valueOf(rows.getString(4))));
            }
        }
        return credits;
    }
}
