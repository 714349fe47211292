package dev.relmap.onetomany;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Reads authors, each method with its own answer to "how are the books fetched?". Statement counts
 * are data SELECTs for N authors; every query orders by id so pages and results are stable. The
 * caller owns the transaction. Creating and deleting authors is {@link AuthorWrites}'s job.
 */
public class AuthorRepository {

    /** The batch size the batch-fetching strategy is shown with. */
    public static final int FETCH_BATCH_SIZE = 10;

    private final EntityManager entityManager;

    public AuthorRepository(EntityManager entityManager) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
    }

    /**
     * One author, books not initialised: 1 SELECT; touching {@code books} later costs 1 more. An
     * id no author has gives an empty {@code Optional}.
     */
    public Optional<Author> findById(long id) {
        return Optional.ofNullable(entityManager.find(Author.class, id));
    }

    /**
     * All authors, books not initialised: 1 SELECT. Touching every author's books then costs one
     * SELECT per author, 1 + N in all: the N+1 this repository's other methods avoid.
     */
    public List<Author> findAll() {
        return entityManager.createQuery("""
                select a
                from Author a
                order by a.id""", Author.class)
                .getResultList();
    }

    /**
     * All authors with their books in 1 SELECT (a left join, so authors without books are kept).
     * Since Hibernate 6 the repeated root rows are de-duplicated without {@code distinct}.
     */
    public List<Author> findAllWithBooks() {
        return entityManager.createQuery("""
                select a
                from Author a
                left join fetch a.books
                order by a.id""", Author.class)
                .getResultList();
    }

    /** The same single SELECT, driven by the named graph {@value Author#WITH_BOOKS} on the entity. */
    public List<Author> findAllWithBooksByNamedGraph() {
        return findAllWithGraph(entityManager.getEntityGraph(Author.WITH_BOOKS));
    }

    /** The same single SELECT, driven by a graph built from the static metamodel: no strings. */
    public List<Author> findAllWithBooksByTypedGraph() {
        EntityGraph<Author> graph = entityManager.createEntityGraph(Author.class);
        graph.addAttributeNode(Author_.books);
        return findAllWithGraph(graph);
    }

    private List<Author> findAllWithGraph(EntityGraph<?> graph) {
        return entityManager.createQuery("""
                select a
                from Author a
                order by a.id""", Author.class)
                .setHint("jakarta.persistence.fetchgraph", graph)
                .getResultList();
    }

    /**
     * All authors, then their books in batches: 1 SELECT now, and touching the books loads them
     * for {@code batchSize} authors at a time, 1 + ⌈N / batchSize⌉ in all. Switches this
     * EntityManager's session to batch fetching, the per-session form of {@code @BatchSize} on
     * the collection.
     *
     * @throws IllegalArgumentException if {@code batchSize} is below 1; no statement is sent
     */
    public List<Author> findAllThenBatchFetchBooks(int batchSize) {
        Require.atLeast(1, batchSize, "batchSize");
        entityManager.unwrap(Session.class).setFetchBatchSize(batchSize);
        return findAll();
    }

    /**
     * All authors, then every author's books in one more SELECT that repeats this query as a
     * subquery: 2 in all, at any N. Switches the session to subselect fetching, the per-session
     * form of {@code @Fetch(FetchMode.SUBSELECT)} on the collection.
     */
    public List<Author> findAllThenSubselectBooks() {
        entityManager.unwrap(Session.class).setSubselectFetchingEnabled(true);
        return findAll();
    }

    /**
     * A page of authors with their books in 2 SELECTs at any N: the page of ids (the database
     * applies the limit to author rows), then those authors joined to their books.
     *
     * @throws IllegalArgumentException if {@code page} is below 0, {@code size} below 1, or the page
     *     starts past the largest {@code int}; no statement is sent
     */
    // tag::page-two-queries[]
    public List<Author> findPageWithBooks(int page, int size) {
        int first = firstResult(page, size);
        List<Long> ids = entityManager.createQuery("""
                select a.id
                from Author a
                order by a.id""", Long.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("""
                select a
                from Author a
                left join fetch a.books
                where a.id in :ids
                order by a.id""", Author.class)
                .setParameter("ids", ids)
                .getResultList();
    }
    // end::page-two-queries[]

    /**
     * The same page in 1 SELECT: JOIN FETCH with {@code setMaxResults}. Hibernate 7.4 puts the
     * limit on the authors in a derived table and joins the books outside it; 6.0–7.3 fetched
     * every row and paged in memory (warning HHH90003004).
     *
     * <p>The query is worded apart from {@link #findAllWithBooks()} on purpose: on 7.4.13, once an
     * HQL string has run without a limit, the same string run with {@code setMaxResults} reuses
     * the cached unlimited plan and silently returns every author.
     *
     * @throws IllegalArgumentException as {@link #findPageWithBooks} does
     */
    public List<Author> findPageWithBooksInOneQuery(int page, int size) {
        int first = firstResult(page, size);
        return entityManager.createQuery("""
                select author
                from Author author
                left join fetch author.books
                order by author.id""", Author.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    /**
     * The first row of page {@code page} (from 0) of {@code size} rows, refusing what no page is:
     * {@code page * size} past {@code Integer.MAX_VALUE} would wrap round to a negative offset.
     */
    private static int firstResult(int page, int size) {
        Require.atLeast(0, page, "page");
        Require.atLeast(1, size, "size");
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("page must be at most " + Integer.MAX_VALUE / size
                    + " for pages of " + size + ", was " + page);
        }
        return page * size;
    }

    /** Every author with their number of books, zero included: 1 SELECT, no entities. */
    public List<AuthorBookCount> findBookCounts() {
        return entityManager.createQuery("""
                select a.id, a.name, count(b)
                from Author a
                left join a.books b
                group by a.id, a.name
                order by a.id""", AuthorBookCount.class)
                .getResultList();
    }

    /**
     * The same records as {@link #findBookCounts()}, read from the stored {@code book_count}: 1
     * SELECT of one table, no join, no grouping. Kept exact by {@link BookRepository}'s atomic
     * UPDATEs; what it saves and what it costs the writes is measured in relmap's docs/one-to-many.md.
     */
    // tag::stored-counts[]
    public List<AuthorBookCount> findStoredBookCounts() {
        return entityManager.createQuery("""
                select a.id, a.name, a.bookCount
                from Author a
                order by a.id""", AuthorBookCount.class)
                .getResultList();
    }
    // end::stored-counts[]

    /**
     * Authors having a book over {@code pages} pages, each with all of their books: 1 SELECT.
     * The filter is a subquery, so the fetched collections stay complete (filtering the fetch
     * join itself would leave them holding only the matching books).
     *
     * @throws IllegalArgumentException if {@code pages} is below 0; no statement is sent
     */
    public List<Author> findAllHavingBookLongerThan(int pages) {
        Require.atLeast(0, pages, "pages");
        return entityManager.createQuery("""
                select a
                from Author a
                left join fetch a.books
                where exists (select 1 from Book b where b.author = a and b.pages > :pages)
                order by a.id""", Author.class)
                .setParameter("pages", pages)
                .getResultList();
    }

    /**
     * All authors with both collections, one SELECT per collection in the same persistence
     * context: 2 in all, at any N. The second query finds the authors already managed and only
     * fills in their awards. Fetching both in one query throws MultipleBagFetchException (two
     * lists) or multiplies the rows (sets).
     */
    public List<Author> findAllWithBooksAndAwards() {
        List<Author> authors = findAllWithBooks();
        entityManager.createQuery("""
                select a
                from Author a
                left join fetch a.awards""", Author.class)
                .getResultList();
        return authors;
    }
}
