package dev.relmap.bench;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unquotedName;

import dev.relmap.bootstrap.Database;
import dev.relmap.manytomany.link.AuthorRole;
import dev.relmap.manytomany.link.ManyToManyJdbcBaseline;
import dev.relmap.manytomany.link.ManyToManyJdbcBaseline.CreditRow;
import dev.relmap.onetomany.OneToManyJdbcBaseline.AuthorRow;
import dev.relmap.onetomany.OneToManyJdbcBaseline.BookRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.EnumConverter;
import org.jooq.impl.SQLDataType;

/**
 * The jOOQ peer: nested collections read with {@code MULTISET}, as jOOQ's manual shows them, in one
 * statement per read. jOOQ renders the nested rows as a JSON array aggregated per parent row in
 * a correlated subquery ({@code json_arrayagg} on H2, {@code jsonb_agg} on PostgreSQL,
 * {@code group_concat} of {@code json_array}s on MariaDB) and maps them back into the JDBC floor's
 * records. No code generation: the
 * tables and columns are named here, unquoted, so that they match what Hibernate created on every
 * database. Each read takes a connection from the pool and rolls it back, as the floor does.
 */
final class JooqPeer {

    static {
        // jOOQ's banner and tip of the day, logged once per JVM, are not part of what is measured.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Table<?> AUTHOR = table(unquotedName("author"));
    private static final Field<Long> AUTHOR_ID = field(unquotedName("author", "id"), SQLDataType.BIGINT);
    private static final Field<String> AUTHOR_NAME = field(unquotedName("author", "name"), SQLDataType.VARCHAR);
    private static final Field<String> AUTHOR_EMAIL = field(unquotedName("author", "email"), SQLDataType.VARCHAR);

    private static final Table<?> BOOK = table(unquotedName("book"));
    private static final Field<Long> BOOK_ID = field(unquotedName("book", "id"), SQLDataType.BIGINT);
    private static final Field<String> BOOK_TITLE = field(unquotedName("book", "title"), SQLDataType.VARCHAR);
    private static final Field<String> BOOK_ISBN = field(unquotedName("book", "isbn"), SQLDataType.VARCHAR);
    private static final Field<Integer> BOOK_PAGES = field(unquotedName("book", "pages"), SQLDataType.INTEGER);
    private static final Field<Long> BOOK_AUTHOR_ID = field(unquotedName("book", "author_id"), SQLDataType.BIGINT);

    private static final Table<?> LINK = table(unquotedName("book_author"));
    private static final Field<Long> LINK_BOOK_ID = field(unquotedName("book_author", "book_id"), SQLDataType.BIGINT);
    private static final Field<Long> LINK_AUTHOR_ID = field(unquotedName("book_author", "author_id"), SQLDataType.BIGINT);
    private static final Field<AuthorRole> LINK_ROLE = field(unquotedName("book_author", "role"),
            SQLDataType.VARCHAR.asConvertedDataType(new EnumConverter<>(String.class, AuthorRole.class)));

    /**
     * On MariaDB jOOQ nests with {@code group_concat}, and by default wraps each query in statements
     * raising the session's {@code group_concat_max_len} first, which only a connection with
     * {@code allowMultiQueries} accepts. jOOQ's manual offers this setting instead: the server's
     * default limit (1 MB) holds one parent's nested rows many times over. Ignored elsewhere.
     */
    private static final Settings SETTINGS = new Settings().withRenderGroupConcatMaxLenSessionVariable(false);

    private JooqPeer() {
    }

    /**
     * Every author with their books, ordered by author:
     * {@code select author.id, name, email, multiset(select … from book where book.author_id = author.id)}.
     */
    static List<AuthorRow> authorsWithBooks(DSLContext sql) {
        return sql.select(AUTHOR_ID, AUTHOR_NAME, AUTHOR_EMAIL,
                        multiset(select(BOOK_ID, BOOK_TITLE, BOOK_ISBN, BOOK_PAGES)
                                .from(BOOK)
                                .where(BOOK_AUTHOR_ID.eq(AUTHOR_ID)))
                                .convertFrom(books -> books.map(Records.mapping(BookRow::new))))
                .from(AUTHOR)
                .orderBy(AUTHOR_ID)
                .fetch(Records.mapping(AuthorRow::new));
    }

    /**
     * Every book with its credits (author and role), ordered by book. Unlike the JDBC floor and
     * Hibernate, each credit gets an author record of its own: an author shared by three books is
     * built three times.
     */
    static List<ManyToManyJdbcBaseline.BookRow> booksWithAuthors(DSLContext sql) {
        return sql.select(BOOK_ID, BOOK_TITLE, BOOK_ISBN,
                        multiset(select(LINK_ROLE, AUTHOR_ID, AUTHOR_NAME, AUTHOR_EMAIL)
                                .from(LINK)
                                .join(AUTHOR).on(AUTHOR_ID.eq(LINK_AUTHOR_ID))
                                .where(LINK_BOOK_ID.eq(BOOK_ID)))
                                .convertFrom(credits -> credits.map(credit -> new CreditRow(
                                        new ManyToManyJdbcBaseline.AuthorRow(credit.value2(), credit.value3(),
                                                credit.value4()),
                                        credit.value1()))))
                .from(BOOK)
                .orderBy(BOOK_ID)
                .fetch(Records.mapping(ManyToManyJdbcBaseline.BookRow::new));
    }

    /** Runs {@code read} on a connection of {@code dataSource}, in the dialect of {@code database}, rolled back. */
    static <T> T read(DataSource dataSource, Database database, Function<DSLContext, T> read) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return read.apply(DSL.using(connection, dialect(database), SETTINGS));
            } finally {
                connection.rollback();
            }
        }
    }

    static SQLDialect dialect(Database database) {
        return switch (database) {
            case H2 -> SQLDialect.H2;
            case POSTGRESQL -> SQLDialect.POSTGRES;
            case MARIADB -> SQLDialect.MARIADB;
        };
    }
}
