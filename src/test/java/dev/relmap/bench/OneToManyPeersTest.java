package dev.relmap.bench;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bench.OneToManyDefaults.DefaultAuthor;
import dev.relmap.bench.OneToManyDefaults.DefaultBook;
import dev.relmap.bench.Seeded.Pool;
import dev.relmap.bootstrap.Database;
import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.Book;
import dev.relmap.onetomany.OneToManyJdbcBaseline;
import dev.relmap.onetomany.OneToManyJdbcBaseline.AuthorRow;
import dev.relmap.onetomany.OneToManyJdbcBaseline.BookRow;
import dev.relmap.onetomany.SampleData;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlCount.Recorded;
import dev.relmap.testsupport.JdbcBaseline;
import dev.relmap.testsupport.JdbcBaselineCheck;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One-to-many's peers read the rows of their JDBC floor (every author with their books), at N = 10,
 * in the statements their Javadoc promises, through the statement-counting kit's pool. Peers that do
 * not order their authors ({@code findAll()} as users write it) are compared by author id; every
 * author's books by book id, as the floor's own check does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyPeersTest {

    private static final int N = 10;
    private static final int M = SampleData.BOOKS_PER_AUTHOR;

    private Seeded seeded;
    private List<AuthorRow> floor;

    @BeforeAll
    void seed() throws SQLException {
        seeded = Seeded.of("one-to-many", N);
        floor = byId(JdbcBaselineCheck.read(seeded.unit, connection -> OneToManyJdbcBaseline.authorsWithBooks(
                connection, OneToManyJdbcBaseline.AUTHORS_WITH_BOOKS, -1)));
        assertThat(floor).hasSize(N).allSatisfy(author -> assertThat(author.books()).hasSize(M));
    }

    @AfterAll
    void close() {
        Seeded.release();
    }

    @Test
    void springDataFindAllReadsTheFloorsAuthorsInOnePlusNSelects() {
        SpringDataPeer spring = seeded.keep(SpringDataPeer.authors(seeded.entityManagerFactory(Pool.KIT)));

        Recorded<List<AuthorRow>> read = SqlCount.recordResult(() ->
                spring.read(SpringDataAuthors.class, authors -> rows(authors.findAll())));

        assertThat(read.report()).hasSelectCount(1 + N);
        assertThat(byId(read.value())).isEqualTo(floor);
    }

    @Test
    void springDataEntityGraphReadsTheFloorsAuthorsInOneSelect() {
        SpringDataPeer spring = seeded.keep(SpringDataPeer.authors(seeded.entityManagerFactory(Pool.KIT)));

        Recorded<List<AuthorRow>> read = SqlCount.recordResult(() ->
                spring.read(SpringDataAuthors.class, authors -> rows(authors.findAllWithBooksBy())));

        assertThat(read.report()).hasSelectCount(1);
        assertThat(byId(read.value())).isEqualTo(floor);
    }

    @Test
    void jooqMultisetReadsTheFloorsAuthorsInOneSelectInTheirOrder() {
        Recorded<List<AuthorRow>> read = SqlCount.recordResult(() ->
                JooqPeer.read(seeded.dataSource(Pool.KIT), Database.current(), JooqPeer::authorsWithBooks));

        assertThat(read.report()).hasSelectCount(1);
        assertThat(read.value()).extracting(AuthorRow::id).isSorted();
        assertThat(byId(read.value())).isEqualTo(floor);
    }

    @Test
    void hibernateDefaultsReadTheFloorsAuthorsInOnePlusNSelects() {
        var factory = seeded.factoryOver(Pool.KIT, OneToManyDefaults.CLASSES);

        Recorded<List<AuthorRow>> read = SqlCount.recordResult(() -> inRolledBackTransaction(factory,
                entityManager -> OneToManyDefaults.findAllThenTouchBooks(entityManager).stream()
                        .map(OneToManyPeersTest::row).toList()));

        assertThat(read.report()).hasSelectCount(1 + N);
        assertThat(byId(read.value())).isEqualTo(floor);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void everyPeerAsBenchmarkedCountsTheRowsOfItsFloor(Peer peer) throws Exception {
        int promised = JdbcBaseline.of("one-to-many").orElseThrow().read(peer.floor()).rows().at(N);

        int read = peer.read(seeded, Pool.RAW).call();

        assertThat(read).isEqualTo(promised).isEqualTo(N * M);
    }

    Stream<Peer> peers() {
        return Peer.of("one-to-many").stream();
    }

    static <T> T inRolledBackTransaction(EntityManagerFactory factory, Function<EntityManager, T> work) {
        try (EntityManager entityManager = factory.createEntityManager()) {
            entityManager.getTransaction().begin();
            try {
                return work.apply(entityManager);
            } finally {
                entityManager.getTransaction().rollback();
            }
        }
    }

    private static List<AuthorRow> rows(List<Author> authors) {
        return authors.stream().map(author -> new AuthorRow(author.getId(), author.getName(), author.getEmail(),
                author.getBooks().stream().map(OneToManyPeersTest::row).toList())).toList();
    }

    private static BookRow row(Book book) {
        return new BookRow(book.getId(), book.getTitle(), book.getIsbn(), book.getPages());
    }

    private static AuthorRow row(DefaultAuthor author) {
        return new AuthorRow(author.getId(), author.getName(), author.getEmail(),
                author.getBooks().stream().map(OneToManyPeersTest::row).toList());
    }

    private static BookRow row(DefaultBook book) {
        return new BookRow(book.getId(), book.getTitle(), book.getIsbn(), book.getPages());
    }

    /** The authors by id, each one's books by id. */
    private static List<AuthorRow> byId(List<AuthorRow> authors) {
        return authors.stream()
                .sorted(Comparator.comparingLong(AuthorRow::id))
                .map(author -> new AuthorRow(author.id(), author.name(), author.email(),
                        author.books().stream().sorted(Comparator.comparingLong(BookRow::id)).toList()))
                .toList();
    }
}
