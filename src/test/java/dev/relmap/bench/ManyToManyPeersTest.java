package dev.relmap.bench;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bench.ManyToManyDefaults.DefaultBook;
import dev.relmap.bench.Seeded.Pool;
import dev.relmap.bootstrap.Database;
import dev.relmap.manytomany.link.Book;
import dev.relmap.manytomany.link.ManyToManyJdbcBaseline;
import dev.relmap.manytomany.link.ManyToManyJdbcBaseline.AuthorRow;
import dev.relmap.manytomany.link.ManyToManyJdbcBaseline.BookRow;
import dev.relmap.manytomany.link.ManyToManyJdbcBaseline.CreditRow;
import dev.relmap.manytomany.link.SampleData;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlCount.Recorded;
import dev.relmap.testsupport.JdbcBaseline;
import dev.relmap.testsupport.JdbcBaselineCheck;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many-to-many's peers read the rows of their JDBC floor (every book with its credits: author and
 * role), at N = 10, in the statements their Javadoc promises, through the statement-counting kit's
 * pool. Books are compared by id, every book's credits by author id, as the floor's own check does;
 * the entity peers are also held to its one object per author.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyToManyPeersTest {

    private static final int N = 10;
    private static final int K = SampleData.AUTHORS_PER_BOOK;

    /** N books, three authors each, neighbours sharing two: N + 2 authors. */
    private static final int AUTHORS = N + K - 1;

    private Seeded seeded;
    private List<BookRow> floor;

    @BeforeAll
    void seed() throws SQLException {
        seeded = Seeded.of("many-to-many", N);
        floor = byId(JdbcBaselineCheck.read(seeded.unit, ManyToManyJdbcBaseline::booksWithAuthors));
        assertThat(floor).hasSize(N).allSatisfy(book -> assertThat(book.credits()).hasSize(K));
        assertThat(distinctAuthors(floor)).isEqualTo(AUTHORS);
    }

    @AfterAll
    void close() {
        Seeded.release();
    }

    @Test
    void springDataFindAllReadsTheFloorsBooksInOnePlusNPlusAuthorsSelects() {
        SpringDataPeer spring = seeded.keep(SpringDataPeer.books(seeded.entityManagerFactory(Pool.KIT)));

        Recorded<List<BookRow>> read = SqlCount.recordResult(() ->
                spring.read(SpringDataBooks.class, books -> rows(books.findAll())));

        assertThat(read.report()).hasSelectCount(1 + N + AUTHORS);
        assertThat(byId(read.value())).isEqualTo(floor);
        assertThat(distinctAuthors(read.value())).isEqualTo(AUTHORS);
    }

    @Test
    void springDataEntityGraphReadsTheFloorsBooksInOneSelect() {
        SpringDataPeer spring = seeded.keep(SpringDataPeer.books(seeded.entityManagerFactory(Pool.KIT)));

        Recorded<List<BookRow>> read = SqlCount.recordResult(() ->
                spring.read(SpringDataBooks.class, books -> rows(books.findAllWithAuthorsBy())));

        assertThat(read.report()).hasSelectCount(1);
        assertThat(byId(read.value())).isEqualTo(floor);
        assertThat(distinctAuthors(read.value())).isEqualTo(AUTHORS);
    }

    @Test
    void jooqMultisetReadsTheFloorsBooksInOneSelectWithAnAuthorRecordPerCredit() {
        Recorded<List<BookRow>> read = SqlCount.recordResult(() ->
                JooqPeer.read(seeded.dataSource(Pool.KIT), Database.current(), JooqPeer::booksWithAuthors));

        assertThat(read.report()).hasSelectCount(1);
        assertThat(read.value()).extracting(BookRow::id).isSorted();
        assertThat(byId(read.value())).isEqualTo(floor);
        assertThat(distinctAuthors(read.value())).isEqualTo(N * K);
    }

    @Test
    void hibernateDefaultsReadTheFloorsBooksInOnePlusNSelects() {
        var factory = seeded.factoryOver(Pool.KIT, ManyToManyDefaults.CLASSES);

        Recorded<List<BookRow>> read = SqlCount.recordResult(() -> OneToManyPeersTest.inRolledBackTransaction(factory,
                entityManager -> ManyToManyDefaults.findAllThenTouchAuthors(entityManager).stream()
                        .map(ManyToManyPeersTest::row).toList()));

        assertThat(read.report()).hasSelectCount(1 + N);
        assertThat(byId(read.value())).isEqualTo(floor);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void everyPeerAsBenchmarkedCountsTheRowsOfItsFloor(Peer peer) throws Exception {
        int promised = JdbcBaseline.of("many-to-many").orElseThrow().read(peer.floor()).rows().at(N);

        int read = peer.read(seeded, Pool.RAW).call();

        assertThat(read).isEqualTo(promised).isEqualTo(N * K);
    }

    Stream<Peer> peers() {
        return Peer.of("many-to-many").stream();
    }

    /** The books as the floor's records; one record per author entity, as the floor builds one per author. */
    private static List<BookRow> rows(List<Book> books) {
        IdentityHashMap<Object, AuthorRow> authors = new IdentityHashMap<>();
        return books.stream().map(book -> new BookRow(book.getId(), book.getTitle(), book.getIsbn(),
                book.getAuthorLinks().stream().map(link -> new CreditRow(authors.computeIfAbsent(link.getAuthor(),
                        author -> new AuthorRow(link.getAuthor().getId(), link.getAuthor().getName(),
                                link.getAuthor().getEmail())), link.getRole())).toList())).toList();
    }

    private static BookRow row(DefaultBook book) {
        return new BookRow(book.getId(), book.getTitle(), book.getIsbn(), book.getAuthorLinks().stream()
                .map(link -> new CreditRow(new AuthorRow(link.getAuthor().getId(), link.getAuthor().getName(),
                        link.getAuthor().getEmail()), link.getRole()))
                .toList());
    }

    /** The books by id, each one's credits by author id. */
    private static List<BookRow> byId(List<BookRow> books) {
        return books.stream()
                .sorted(Comparator.comparingLong(BookRow::id))
                .map(book -> new BookRow(book.id(), book.title(), book.isbn(), book.credits().stream()
                        .sorted(Comparator.comparingLong(credit -> credit.author().id()))
                        .toList()))
                .toList();
    }

    private static int distinctAuthors(List<BookRow> books) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        books.forEach(book -> book.credits().forEach(credit -> seen.add(credit.author())));
        return seen.size();
    }
}
