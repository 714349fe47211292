package dev.relmap.manytomany.link;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * Books and their authors, with the statements each method costs. Runs in the caller's
 * transaction; writes flush before returning, so a bad id surfaces here as a typed exception and
 * the caller's rollback leaves the database as it was.
 */
public class BookRepository {

    private final EntityManager entityManager;

    public BookRepository(EntityManager entityManager) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
    }

    /**
     * Creates a book credited to K existing authors: 1 book INSERT and K link INSERTs, sent in JDBC
     * batches, and no SELECT: each author is a reference by id ({@code getReference}), which
     * the link needs only for its key.
     *
     * @throws IllegalArgumentException if {@code title} or {@code isbn} is null or blank, or
     *     {@code credits} is null or holds a null; no statement is sent
     * @throws UnknownIdException naming the first author id that does not exist (the foreign key
     *     refused it; only then are the ids looked up, to name it)
     * @throws DuplicateLinkException if an author id is given twice
     * @throws DuplicateIsbnException naming the ISBN, if it is taken
     */
    // tag::create[]
    public Book create(String title, String isbn, List<AuthorCredit> credits) {
        requireValid(title, isbn, credits);
        Book book = new Book(title, isbn);
        for (AuthorCredit credit : credits) {
            book.addAuthor(entityManager.getReference(Author.class, credit.authorId()), credit.role());
        }
        entityManager.persist(book);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translate(e, isbn, credits.stream().map(AuthorCredit::authorId).toList());
        }
        return book;
    }
    // end::create[]

    private static void requireValid(String title, String isbn, List<AuthorCredit> credits) {
        Require.notBlank(title, "title");
        Require.notBlank(isbn, "isbn");
        // Not contains(null): List.of(...) answers that with a NullPointerException.
        if (Require.notNull(credits, "credits").stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("credits must not contain null, was " + credits);
        }
    }

    /**
     * Credits one more author: 1 SELECT (the book with its links, to refuse a duplicate in
     * memory) and 1 INSERT.
     *
     * @throws IllegalArgumentException if {@code role} is null; no statement is sent
     * @throws UnknownIdException naming the book or the author id that does not exist
     * @throws DuplicateLinkException if the author is already on the book
     */
    public BookAuthorLink addAuthor(long bookId, long authorId, AuthorRole role) {
        Require.notNull(role, "role");
        Book book = findWithLinks(bookId);
        BookAuthorLink link = book.addAuthor(entityManager.getReference(Author.class, authorId), role);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translate(e, book.getIsbn(), List.of(authorId));
        }
        return link;
    }

    /**
     * Changes an author's role on a book: 1 SELECT (the book with its links) and exactly 1 UPDATE.
     *
     * @throws IllegalArgumentException if {@code role} is null; no statement is sent
     * @throws UnknownIdException naming the book or the author id that does not exist
     * @throws UnknownLinkException naming the author, when the book does not credit them
     */
    public void changeRole(long bookId, long authorId, AuthorRole role) {
        Require.notNull(role, "role");
        Book book = findWithLinks(bookId);
        book.changeRole(linkedAuthor(book, authorId), role);
        entityManager.flush();
    }

    /**
     * Removes an author from a book: 1 SELECT (the book with its links) and exactly 1 DELETE, of
     * that link's row; orphan removal deletes it, the other links are not touched.
     *
     * @throws UnknownIdException naming the book or the author id that does not exist
     * @throws UnknownLinkException naming the author, when the book does not credit them
     */
    public void removeAuthor(long bookId, long authorId) {
        Book book = findWithLinks(bookId);
        book.removeAuthor(linkedAuthor(book, authorId));
        entityManager.flush();
    }

    /**
     * The author as the book's loaded links hold it, found by id without a statement. Only for an
     * id on none of them, 1 SELECT tells an author the book does not credit from an id no author
     * has (a reference to a missing row would fail with Hibernate's raw EntityNotFoundException
     * the moment the refusal named it).
     */
    private Author linkedAuthor(Book book, long authorId) {
        return book.getAuthorLinks().stream()
                .map(BookAuthorLink::getAuthor)
                .filter(author -> author.getId() == authorId)
                .findFirst()
                .orElseThrow(() -> Optional.ofNullable(entityManager.find(Author.class, authorId))
                        .<RuntimeException>map(author -> new UnknownLinkException(book, author))
                        .orElseGet(() -> new UnknownIdException(Author.class, authorId)));
    }

    /** A book with its links (not their authors) in 1 SELECT, or {@link UnknownIdException}. */
    public Book findWithLinks(long bookId) {
        return entityManager.createQuery("""
                        select b
                        from Book b
                        left join fetch b.authorLinks
                        where b.id = :id
                        """, Book.class)
                .setParameter("id", bookId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new UnknownIdException(Book.class, bookId));
    }

    /**
     * The books alone, 1 SELECT. Walking {@code book.getAuthorLinks()} then costs 1 SELECT per
     * book, and each {@code link.getAuthor().getName()} 1 SELECT per author not yet in the
     * persistence context: 1 + N + A in all, A being the distinct authors.
     */
    public List<Book> findAll() {
        return entityManager.createQuery("""
                        select b
                        from Book b
                        order by b.id
                        """, Book.class)
                .getResultList();
    }

    /**
     * Books, their links and the linked authors in 1 SELECT: two joins, one row per link, and
     * Hibernate folds the rows back into one {@link Book} each.
     */
    // tag::join-fetch[]
    public List<Book> findAllWithAuthors() {
        return entityManager.createQuery("""
                        select b
                        from Book b
                        left join fetch b.authorLinks l
                        left join fetch l.author
                        order by b.id
                        """, Book.class)
                .getResultList();
    }
    // end::join-fetch[]

    /**
     * The same 1 SELECT with the fetching moved out of the query: a graph with a subgraph for
     * the links' authors, applied as a fetch graph, so the query text stays plain.
     */
    // tag::entity-graph[]
    public List<Book> findAllWithAuthorsGraph() {
        EntityGraph<Book> graph = entityManager.createEntityGraph(Book.class);
        graph.addElementSubgraph(Book_.authorLinks).addAttributeNode(BookAuthorLink_.author);
        return entityManager.createQuery("""
                        select b
                        from Book b
                        order by b.id
                        """, Book.class)
                .setHint("jakarta.persistence.fetchgraph", graph)
                .getResultList();
    }
    // end::entity-graph[]

    /** Every (book, author, role) as a flat row, 1 SELECT, nothing managed. */
    public List<CreditRow> findAllCredits() {
        return entityManager.createQuery("""
                        select new dev.relmap.manytomany.link.CreditRow(b.id, b.title, a.name, l.role)
                        from BookAuthorLink l
                        join l.book b
                        join l.author a
                        order by b.id, a.name
                        """, CreditRow.class)
                .getResultList();
    }

    /**
     * The authors of one book, writers first, then editors, then illustrators, each group by name:
     * 1 SELECT of four columns. The order is spelled out with {@code case}: ordering by the
     * column sorts the stored names alphabetically (editor, illustrator, writer) on all three
     * databases, MariaDB's {@code enum} column included. A book nobody is credited on costs
     * 1 SELECT more, to tell it from an id no book has.
     *
     * @throws UnknownIdException naming the book id that does not exist
     */
    // tag::authors-of-book[]
    public List<BookAuthorView> authorsOf(long bookId) {
        List<BookAuthorView> authors = entityManager.createQuery("""
                        select new dev.relmap.manytomany.link.BookAuthorView(a.id, a.name, a.email, l.role)
                        from BookAuthorLink l
                        join l.author a
                        where l.book.id = :bookId
                        order by case l.role
                                   when WRITER then 1
                                   when EDITOR then 2
                                   else 3
                                 end,
                                 a.name
                        """, BookAuthorView.class)
                .setParameter("bookId", bookId)
                .getResultList();
        // end::authors-of-book[]
        if (authors.isEmpty() && entityManager.find(Book.class, bookId) == null) {
            throw new UnknownIdException(Book.class, bookId);
        }
        return authors;
    }

    /**
     * The typed refusal behind a failed flush, found by the constraint's kind and name: an unknown
     * author id ({@value BookAuthorLink#FK_AUTHOR}) or a taken ISBN ({@value Book#UK_ISBN}).
     */
    private RuntimeException translate(PersistenceException failure, String isbn, List<Long> authorIds) {
        Optional<ConstraintViolationException> unknownAuthor =
                Constraints.violated(failure, ConstraintKind.FOREIGN_KEY, BookAuthorLink.FK_AUTHOR);
        if (unknownAuthor.isPresent()) {
            return missingAuthors(authorIds).stream().findFirst()
                    .<RuntimeException>map(id -> new UnknownIdException(Author.class, id, unknownAuthor.get()))
                    .orElse(failure);
        }
        return Constraints.violated(failure, ConstraintKind.UNIQUE, Book.UK_ISBN)
                .<RuntimeException>map(violation -> new DuplicateIsbnException(isbn, violation))
                .orElse(failure);
    }

    /**
     * The ids among {@code authorIds} with no author row. Asked on a fresh EntityManager: the
     * failed flush has spoilt this transaction (PostgreSQL refuses any further statement in it).
     */
    private List<Long> missingAuthors(List<Long> authorIds) {
        EntityManager lookup = entityManager.getEntityManagerFactory().createEntityManager();
        try {
            Set<Long> found = new HashSet<>(lookup.createQuery("""
                            select a.id
                            from Author a
                            where a.id in :ids
                            """, Long.class)
                    .setParameter("ids", authorIds)
                    .getResultList());
            return authorIds.stream().filter(id -> !found.contains(id)).distinct().toList();
        } finally {
            lookup.close();
        }
    }
}
