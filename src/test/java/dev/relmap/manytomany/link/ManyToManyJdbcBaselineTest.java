package dev.relmap.manytomany.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.catalog.ManyToManyPattern;
import dev.relmap.manytomany.link.ManyToManyJdbcBaseline.AuthorRow;
import dev.relmap.manytomany.link.ManyToManyJdbcBaseline.BookRow;
import dev.relmap.manytomany.link.ManyToManyJdbcBaseline.FlatCredit;
import dev.relmap.testsupport.JdbcBaselineCheck;
import dev.relmap.testsupport.PatternFixture;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The benchmarks' JDBC floor of the book/author reads returns the rows the strategies return, at
 * N = 10. The SQL of books with their authors orders the books, not one book's credits, so those
 * are compared by author id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyToManyJdbcBaselineTest {

    private static final int N = 10;
    private static final int K = SampleData.AUTHORS_PER_BOOK;

    private static final ManyToManyJdbcBaseline BASELINE = new ManyToManyJdbcBaseline();

    /** The repository method behind each strategy reading every book with its authors. */
    private static final Map<String, Function<BookRepository, List<Book>>> BOOKS = Map.of(
            "lazy (N+1)", BookRepository::findAll,
            "JOIN FETCH", BookRepository::findAllWithAuthors,
            "entity graph", BookRepository::findAllWithAuthorsGraph);

    private PatternFixture fixture;

    @BeforeAll
    void seed() {
        fixture = ManyToManyFixture.open();
        fixture.seed(N);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyStrategyCountsTheRowsOfItsJdbcRead() throws SQLException {
        JdbcBaselineCheck.assertCountsMatch(new ManyToManyPattern(), fixture.unit(), N);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bookStrategies")
    void booksWithTheirAuthorsAreTheBooksTheStrategyLoads(String strategy) throws SQLException {
        Function<BookRepository, List<Book>> query = BOOKS.get(strategy);
        assertThat(query).as("the repository method of '%s'", strategy).isNotNull();
        Loaded viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager -> {
            List<Book> books = query.apply(new BookRepository(entityManager));
            return new Loaded(books.stream().map(ManyToManyJdbcBaselineTest::book).toList(),
                    distinctInstances(books.stream()
                            .flatMap(book -> book.getAuthorLinks().stream().map(BookAuthorLink::getAuthor))
                            .toList()));
        });

        List<BookRow> viaJdbc = JdbcBaselineCheck.read(fixture.unit(), ManyToManyJdbcBaseline::booksWithAuthors);

        assertThat(creditsByAuthorId(viaJdbc)).hasSize(N).allSatisfy(book -> assertThat(book.credits()).hasSize(K))
                .isEqualTo(viaHibernate.books());
        // Each author built once however many books credit them, as the persistence context holds one entity.
        assertThat(distinctInstances(viaJdbc.stream()
                .flatMap(book -> book.credits().stream().map(ManyToManyJdbcBaseline.CreditRow::author))
                .toList()))
                .isEqualTo(viaHibernate.distinctAuthors()).isEqualTo(N + K - 1);
    }

    @Test
    void creditsAreTheCreditRecords() throws SQLException {
        List<FlatCredit> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new BookRepository(entityManager).findAllCredits().stream()
                        .map(credit -> new FlatCredit(credit.bookId(), credit.title(), credit.authorName(), credit.role()))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), ManyToManyJdbcBaseline::credits))
                .hasSize(N * K).isEqualTo(viaHibernate);
    }

    /** Every strategy the read of books with their authors is the floor of, each with its repository method. */
    Stream<String> bookStrategies() {
        return BASELINE.read("books with their authors").floorOf().stream().sorted();
    }

    /** A book and its credits, read in the caller's transaction, as the baseline's record. */
    private static BookRow book(Book book) {
        return new BookRow(book.getId(), book.getTitle(), book.getIsbn(), book.getAuthorLinks().stream()
                .map(link -> new ManyToManyJdbcBaseline.CreditRow(new AuthorRow(link.getAuthor().getId(),
                        link.getAuthor().getName(), link.getAuthor().getEmail()), link.getRole()))
                .sorted(Comparator.comparingLong(credit -> credit.author().id()))
                .toList());
    }

    /** The books in their order, each one's credits by author id. */
    private static List<BookRow> creditsByAuthorId(List<BookRow> books) {
        return books.stream()
                .map(book -> new BookRow(book.id(), book.title(), book.isbn(), book.credits().stream()
                        .sorted(Comparator.comparingLong(credit -> credit.author().id()))
                        .toList()))
                .toList();
    }

    private static int distinctInstances(List<?> objects) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(objects);
        return seen.size();
    }

    /** What a strategy loaded, as the baseline's records, and how many author objects it holds. */
    private record Loaded(List<BookRow> books, int distinctAuthors) {
    }
}
