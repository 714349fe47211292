package dev.relmap.onetomany;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.onetomany.OneToManyJdbcBaseline.AuthorRow;
import dev.relmap.onetomany.OneToManyJdbcBaseline.BookRow;
import dev.relmap.onetomany.OneToManyJdbcBaseline.BookWithAuthor;
import dev.relmap.onetomany.OneToManyJdbcBaseline.CountRow;
import dev.relmap.onetomany.OneToManyJdbcBaseline.SummaryRow;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The benchmarks' JDBC floor of the author/book reads returns the rows the strategies return, at
 * N = 10. The SQL orders the authors, not one author's books, so those are compared by id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyJdbcBaselineTest {

    private static final int N = 10;
    private static final int M = SampleData.BOOKS_PER_AUTHOR;
    private static final int PAGE_SIZE = OneToManyPattern.PAGE_SIZE;

    /** A page smaller than N: at N = 10 the strategies' page of 10 is every author, limit or not. */
    private static final int SHORT_PAGE = 3;

    private static final OneToManyJdbcBaseline BASELINE = new OneToManyJdbcBaseline();

    /** The repository method behind each strategy reading every author with their books. */
    private static final Map<String, Function<AuthorRepository, List<Author>>> ALL_AUTHORS = Map.of(
            "lazy (N+1)", AuthorRepository::findAll,
            "JOIN FETCH", AuthorRepository::findAllWithBooks,
            "named entity graph", AuthorRepository::findAllWithBooksByNamedGraph,
            "typed entity graph", AuthorRepository::findAllWithBooksByTypedGraph,
            "batch fetch (" + AuthorRepository.FETCH_BATCH_SIZE + ")",
            repository -> repository.findAllThenBatchFetchBooks(AuthorRepository.FETCH_BATCH_SIZE),
            "subselect fetch", AuthorRepository::findAllThenSubselectBooks);

    /** The repository method behind each paging strategy, for a first page of the given size. */
    private static final Map<String, PageQuery> FIRST_PAGE = Map.of(
            "page: ids, then fetch", (repository, size) -> repository.findPageWithBooks(0, size),
            "page: JOIN FETCH + limit", (repository, size) -> repository.findPageWithBooksInOneQuery(0, size));

    private PatternFixture fixture;

    @BeforeAll
    void seed() {
        fixture = OneToManyFixture.open();
        fixture.seed(N);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyStrategyCountsTheRowsOfItsJdbcRead() throws SQLException {
        JdbcBaselineCheck.assertCountsMatch(new OneToManyPattern(), fixture.unit(), N);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allAuthorsStrategies")
    void authorsWithTheirBooksAreTheAuthorsTheStrategyLoads(String strategy) throws SQLException {
        Function<AuthorRepository, List<Author>> query = ALL_AUTHORS.get(strategy);
        assertThat(query).as("the repository method of '%s'", strategy).isNotNull();
        List<AuthorRow> viaHibernate = authors(query);

        List<AuthorRow> viaJdbc = booksById(JdbcBaselineCheck.read(fixture.unit(), connection ->
                OneToManyJdbcBaseline.authorsWithBooks(connection, OneToManyJdbcBaseline.AUTHORS_WITH_BOOKS, -1)));

        assertThat(viaJdbc).hasSize(N).allSatisfy(author -> assertThat(author.books()).hasSize(M))
                .isEqualTo(viaHibernate);
    }

    @ParameterizedTest(name = "{0}, pages of {1}")
    @MethodSource("pageStrategies")
    void aPageOfAuthorsIsThePageTheStrategyLoads(String strategy, int size) throws SQLException {
        PageQuery query = FIRST_PAGE.get(strategy);
        assertThat(query).as("the repository method of '%s'", strategy).isNotNull();
        List<AuthorRow> viaHibernate = authors(repository -> query.firstPage(repository, size));

        List<AuthorRow> viaJdbc = booksById(JdbcBaselineCheck.read(fixture.unit(), connection ->
                OneToManyJdbcBaseline.authorsWithBooks(connection, OneToManyJdbcBaseline.PAGE_WITH_BOOKS, size)));

        assertThat(viaJdbc).hasSize(Math.min(N, size)).allSatisfy(author -> assertThat(author.books()).hasSize(M))
                .isEqualTo(viaHibernate);
    }

    @Test
    void bookCountsAreTheAuthorBookCountRecords() throws SQLException {
        List<CountRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new AuthorRepository(entityManager).findBookCounts().stream()
                        .map(count -> new CountRow(count.authorId(), count.name(), count.books()))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), OneToManyJdbcBaseline::bookCounts))
                .hasSize(N).allSatisfy(count -> assertThat(count.books()).isEqualTo(M))
                .isEqualTo(viaHibernate);
    }

    @Test
    void bookSummariesAreTheBookSummaryRecords() throws SQLException {
        List<SummaryRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new BookRepository(entityManager).findSummaries().stream()
                        .map(summary -> new SummaryRow(summary.bookId(), summary.title(), summary.authorName()))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), OneToManyJdbcBaseline::summaries))
                .hasSize(N * M).isEqualTo(viaHibernate);
    }

    @Test
    void booksWithTheirAuthorAreTheBooksJoinFetchLoads() throws SQLException {
        List<BookWithAuthor> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new BookRepository(entityManager).findAllWithAuthor().stream()
                        .map(book -> new BookWithAuthor(book(book), new AuthorRow(book.getAuthor().getId(),
                                book.getAuthor().getName(), book.getAuthor().getEmail(), List.of())))
                        .toList());

        List<BookWithAuthor> viaJdbc = JdbcBaselineCheck.read(fixture.unit(), OneToManyJdbcBaseline::booksWithAuthor);

        assertThat(viaJdbc).hasSize(N * M).isEqualTo(viaHibernate);
        // One record per author, shared by their books, as the persistence context holds one entity.
        assertThat(distinctInstances(viaJdbc.stream().map(BookWithAuthor::author).toList())).isEqualTo(N);
    }

    /** Every strategy the read of all authors is the floor of, each with its repository method. */
    Stream<String> allAuthorsStrategies() {
        return BASELINE.read("authors with their books").floorOf().stream().sorted();
    }

    /** Every paging strategy, at the strategies' page size and at a page shorter than N. */
    Stream<Arguments> pageStrategies() {
        return BASELINE.read("a page of authors with their books").floorOf().stream().sorted()
                .flatMap(strategy -> Stream.of(Arguments.of(strategy, PAGE_SIZE), Arguments.of(strategy, SHORT_PAGE)));
    }

    /** The authors {@code query} returns, books read in its transaction, as the baseline's records. */
    private List<AuthorRow> authors(Function<AuthorRepository, List<Author>> query) {
        return fixture.unit().callInRolledBackTransaction(entityManager ->
                booksById(query.apply(new AuthorRepository(entityManager)).stream()
                        .map(author -> new AuthorRow(author.getId(), author.getName(), author.getEmail(),
                                author.getBooks().stream().map(OneToManyJdbcBaselineTest::book).toList()))
                        .toList()));
    }

    private static BookRow book(Book book) {
        return new BookRow(book.getId(), book.getTitle(), book.getIsbn(), book.getPages());
    }

    /** The authors in their order, each one's books by id. */
    private static List<AuthorRow> booksById(List<AuthorRow> authors) {
        return authors.stream()
                .map(author -> new AuthorRow(author.id(), author.name(), author.email(),
                        author.books().stream().sorted(Comparator.comparingLong(BookRow::id)).toList()))
                .toList();
    }

    private static int distinctInstances(List<?> objects) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(objects);
        return seen.size();
    }

    /** A repository method reading the first page of authors with their books. */
    @FunctionalInterface
    private interface PageQuery {
        List<Author> firstPage(AuthorRepository repository, int size);
    }
}
