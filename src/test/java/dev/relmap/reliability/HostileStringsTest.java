package dev.relmap.reliability;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.NulCharacterException;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.bootstrap.ValueTooLongException;
import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.Book;
import dev.relmap.onetomany.SampleData;
import dev.relmap.sqlcount.Recording;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.RollbackException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text that breaks naive code — quotes, semicolons, SQL comments, combining marks, emoji,
 * right-to-left marks, NUL, values longer than their column — in an author's name (100), a book's
 * title (200) and ISBN (20).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Hostile strings")
class HostileStringsTest {

    private static final String FIFTY_EMOJI = "👍".repeat(50);

    private final DatabaseSettings settings = DatabaseSettings.current();
    private RelmapUnit unit;

    @BeforeAll
    void open() {
        unit = PatternUnits.unit(new OneToManyPattern()).named("reliability-strings").recreateSchemaAndOpen(settings);
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @BeforeEach
    void empty() {
        unit.entityManagerFactory().runInTransaction(SampleData::clear);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "O'Brien \"Bob\" `tick` \\backslash",
        "'; drop table author; --",
        "/* not a comment */ -- nor this # nor this",
        "e\u0301 n\u0303 a\u0300\u0301\u0302\u0303 (combining marks)",
        "👩‍👩‍👧 family, 🎉 party, 𝄞 clef",
        "\u202Eright-to-left override: שלום مرحبا \u200F",
        "100% _wild_ cards [x] ^ $ ?",
    })
    @DisplayName("are stored and read back byte for byte")
    void roundTrip(String hostile) {
        String isbn = hostile.substring(0, Math.min(20, hostile.length()));
        if (Character.isHighSurrogate(isbn.charAt(isbn.length() - 1))) {
            isbn = isbn.substring(0, isbn.length() - 1);
        }
        long id = save(hostile, hostile, isbn);

        Book book = unit.entityManagerFactory().callInTransaction(em -> em.createQuery(
                "select b from Book b join fetch b.author where b.author.id = :id", Book.class)
                .setParameter("id", id).getSingleResult());

        assertThat(book.getAuthor().getName().getBytes(StandardCharsets.UTF_8)).isEqualTo(hostile.getBytes(StandardCharsets.UTF_8));
        assertThat(book.getTitle()).isEqualTo(hostile);
        assertThat(book.getIsbn()).isEqualTo(isbn);
    }

    @Nested
    @DisplayName("longer than the column")
    class TooLong {

        @Test
        @DisplayName("50 emoji fill a name of 100: 100 UTF-16 code units, 200 UTF-8 bytes, stored whole")
        void lengthIsInUtf16Units() {
            long id = save(FIFTY_EMOJI, "title", "isbn");

            assertThat(name(id)).isEqualTo(FIFTY_EMOJI).hasSize(100);
        }

        @Test
        @DisplayName("51 emoji are refused before any INSERT with ValueTooLongException naming Author.name and 100")
        void refusedBeforeTheInsert() {
            ValueTooLongException refused;
            SqlReport sent;
            try (Recording recording = SqlCount.start(unit.entityManagerFactory())) {
                refused = catchThrowableOfType(ValueTooLongException.class,
                        () -> unit.entityManagerFactory().runInTransaction(em -> {
                            em.persist(new Author(FIFTY_EMOJI + "👍", "a@example.com"));
                            em.flush();
                        }));
                sent = recording.stop();
            }

            assertThat(sent).hasInsertCount(0);
            assertThat(refused).hasMessage("Author.name is 102 UTF-16 code units long; its column holds at most 100");
            assertThat(refused.field()).isEqualTo("name");
            assertThat(refused.maxLength()).isEqualTo(100);
            assertThat(authors()).isZero();
        }

        @Test
        @DisplayName("a 201-character title on an update is refused naming Book.title, and the title stays")
        void refusedOnUpdate() {
            long id = save("Ann", "Short", "isbn");

            ValueTooLongException refused = catchThrowableOfType(ValueTooLongException.class,
                    () -> unit.entityManagerFactory().runInTransaction(em -> {
                        Author author = em.find(Author.class, id);
                        Book book = author.getBooks().get(0);
                        author.removeBook(book);
                        author.addBook(new Book("x".repeat(201), "isbn2", 1));
                        em.flush();
                    }));

            assertThat(refused).hasMessage("Book.title is 201 UTF-16 code units long; its column holds at most 200");
            java.util.List<String> titles = unit.entityManagerFactory().callInTransaction(em -> em
                    .createQuery("select b.title from Book b", String.class).getResultList());
            assertThat(titles).containsExactly("Short");
        }
    }

    @Test
    @DisplayName("NUL is refused on every database with NulCharacterException naming Author.name, nothing written")
    void nulRefused() {
        RollbackException failed = catchThrowableOfType(RollbackException.class,
                () -> unit.entityManagerFactory().runInTransaction(em -> em.persist(new Author("a\0b", "nul@example.com"))));

        // Found by the flush at commit, so wrapped in the commit's RollbackException; an explicit
        // flush() throws it unwrapped (see TooLong).
        assertThat(failed.getCause()).isInstanceOf(NulCharacterException.class);
        NulCharacterException refused = (NulCharacterException) failed.getCause();
        assertThat(refused).hasMessage("Author.name contains the NUL character (U+0000) at index 1,"
                + " which PostgreSQL cannot store in text");
        assertThat(refused.field()).isEqualTo("name");
        assertThat(authors()).isZero();
    }

    @Nested
    @DisplayName("sent by plain JDBC, the server itself")
    class TheServerItself {

        @Test
        @DisplayName("refuses 101 characters in strict mode with SQLState 22001 (MariaDB without strict mode cuts it to 100)")
        void refusesTooLong() throws SQLException {
            try (Connection connection = unit.dataSource().getConnection()) {
                SQLException refused = catchThrowableOfType(SQLException.class, () -> insertName(connection, "x".repeat(101)));

                assertThat(refused.getSQLState()).isEqualTo("22001");
                connection.rollback();
                if (settings.database() == Database.MARIADB) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("set session sql_mode = ''");
                        insertName(connection, "x".repeat(101));
                        assertThat(readName(connection)).as("silently truncated").hasSize(100);
                        statement.execute("set session sql_mode = default");
                    }
                }
                connection.rollback();
            }
        }

        @Test
        @DisplayName("counts 100 emoji as 100 characters on PostgreSQL and MariaDB, as 200 on H2, which refuses them")
        void emojiLength() throws SQLException {
            try (Connection connection = unit.dataSource().getConnection()) {
                String hundredEmoji = FIFTY_EMOJI + FIFTY_EMOJI;
                if (settings.database() == Database.H2) {
                    SQLException refused = catchThrowableOfType(SQLException.class, () -> insertName(connection, hundredEmoji));
                    assertThat(refused.getSQLState()).isEqualTo("22001");
                } else {
                    insertName(connection, hundredEmoji);
                    assertThat(readName(connection)).isEqualTo(hundredEmoji);
                }
                connection.rollback();
            }
        }

        @Test
        @DisplayName("stores NUL on H2 and MariaDB; PostgreSQL refuses it")
        void nul() throws SQLException {
            try (Connection connection = unit.dataSource().getConnection()) {
                if (settings.database() == Database.POSTGRESQL) {
                    SQLException refused = catchThrowableOfType(SQLException.class, () -> insertName(connection, "a\0b"));
                    assertThat(refused.getSQLState()).isEqualTo("22021");
                } else {
                    insertName(connection, "a\0b");
                    assertThat(readName(connection)).isEqualTo("a\0b");
                }
                connection.rollback();
            }
        }

        @Test
        @DisplayName("on MariaDB, relmap's databases are utf8mb4, so emoji fit")
        void mariaDbCharset() throws SQLException {
            assumeTrue(settings.database() == Database.MARIADB, "character sets per database are MariaDB's");
            try (Connection connection = unit.dataSource().getConnection();
                    PreparedStatement query = connection.prepareStatement(
                            "select default_character_set_name from information_schema.schemata where schema_name = ?")) {
                query.setString(1, unit.schema());
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("utf8mb4");
                }
                connection.rollback();
            }
        }

        private void insertName(Connection connection, String name) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into author (id, name, email, version) values (1000001, ?, 'raw@example.com', 0)")) {
                insert.setString(1, name);
                insert.executeUpdate();
            }
        }

        private String readName(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select name from author where id = 1000001")) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private long save(String name, String title, String isbn) {
        return unit.entityManagerFactory().callInTransaction(em -> {
            Author author = new Author(name, name.hashCode() + "@example.com");
            author.addBook(new Book(title, isbn, 1));
            em.persist(author);
            return author.getId();
        });
    }

    private String name(long id) {
        return unit.entityManagerFactory().callInTransaction(em -> em.find(Author.class, id).getName());
    }

    private long authors() {
        return unit.entityManagerFactory().callInTransaction(
                em -> em.createQuery("select count(a) from Author a", Long.class).getSingleResult());
    }
}
