package dev.relmap.onetomany;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.hibernate.Hibernate;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * Reads books with their author, and adds and removes books. The caller owns the transaction.
 */
public class BookRepository {

    private final EntityManager entityManager;

    public BookRepository(EntityManager entityManager) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
    }

    /** Every book with its author's name: 1 SELECT, a join into a record; nothing is managed. */
    public List<BookSummary> findSummaries() {
        return entityManager.createQuery("""
                select b.id, b.title, a.name
                from Book b
                join b.author a
                order by b.id""", BookSummary.class)
                .getResultList();
    }

    /**
     * Every book with its author entity initialised: 1 SELECT. Without the fetch, reading
     * {@code book.getAuthor().getName()} costs one SELECT per distinct author.
     */
    public List<Book> findAllWithAuthor() {
        return entityManager.createQuery("""
                select b
                from Book b
                join fetch b.author
                order by b.id""", Book.class)
                .getResultList();
    }

    /**
     * The books over {@code pages} pages, each with its author: 1 SELECT. The safe way to ask
     * for "authors with only their long books": filter the books, not the author's collection.
     *
     * @throws IllegalArgumentException if {@code pages} is below 0; no statement is sent
     */
    public List<Book> findLongerThan(int pages) {
        Require.atLeast(0, pages, "pages");
        return entityManager.createQuery("""
                select b
                from Book b
                join fetch b.author
                where b.pages > :pages
                order by b.id""", Book.class)
                .setParameter("pages", pages)
                .getResultList();
    }

    /**
     * Adds a book without loading its author: 1 UPDATE of the author's {@code book_count}, then
     * 1 INSERT, no SELECT. The UPDATE goes first: it finds out an unknown author (no row changed)
     * before anything is inserted, and it takes the author row's write lock before the INSERT's
     * foreign-key check takes a shared one (on MariaDB, concurrent adds that insert first
     * deadlock on that upgrade).
     *
     * @throws IllegalArgumentException if {@code book} is null; no statement is sent
     * @throws UnknownIdException naming the author id, when no author has it; nothing is written
     * @throws DuplicateIsbnException naming the ISBN, when a book already has it
     */
    public Book addBook(long authorId, Book book) {
        Require.notNull(book, "book");
        Author author = countBook(authorId, +1);
        if (Hibernate.isInitialized(author)) {
            author.addBook(book); // loaded earlier: its books and in-memory count follow
        } else {
            book.setAuthor(author);
        }
        entityManager.persist(book);
        flush(authorId, book);
        return book;
    }

    /**
     * Adds a book after checking its author exists: 1 SELECT for the author, 1 UPDATE of its
     * {@code book_count}, then 1 INSERT. The author's {@code books} stay uninitialised: Hibernate
     * queues an add to an inverse bag instead of loading it.
     *
     * @throws IllegalArgumentException if {@code book} is null; no statement is sent
     * @throws UnknownIdException naming the author id; nothing is written
     * @throws DuplicateIsbnException naming the ISBN, when a book already has it
     */
    public Book addBookToLoadedAuthor(long authorId, Book book) {
        Require.notNull(book, "book");
        Author author = entityManager.find(Author.class, authorId);
        if (author == null) {
            throw new UnknownIdException(Author.class, authorId);
        }
        countBook(authorId, +1);
        author.addBook(book);
        entityManager.persist(book);
        flush(authorId, book);
        return book;
    }

    /**
     * Removes one book through orphan removal: 1 SELECT (the author with its books), 1 UPDATE of
     * the author's {@code book_count}, then 1 DELETE at flush.
     *
     * @throws UnknownIdException naming the author or the book id (a book of another author
     *     counts as unknown); nothing is deleted
     */
    public void removeBook(long authorId, long bookId) {
        Author author = entityManager.createQuery("""
                select a
                from Author a
                left join fetch a.books
                where a.id = :id""", Author.class)
                .setParameter("id", authorId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new UnknownIdException(Author.class, authorId));
        Book book = author.getBooks().stream()
                .filter(candidate -> candidate.getId() == bookId)
                .findFirst()
                .orElseThrow(() -> new UnknownIdException(Book.class, bookId));
        countBook(authorId, -1);
        author.removeBook(book);
    }

    /**
     * The one write of {@code book_count} after an author's INSERT: {@code delta} added by the
     * database itself, so concurrent adds queue on the row lock and none is lost (no read, no
     * retry). A bulk UPDATE bypasses the persistence context: an author this EntityManager already
     * loaded keeps its old count in memory, which {@link Author#addBook} / {@link Author#removeBook}
     * then move by the same delta (the column is not updatable, so that copy is never written
     * back). It does not touch a {@code @Version}: a count changes nothing a reader of the
     * author's own columns relies on.
     *
     * @return the author, as a reference: no SELECT when it was not loaded
     * @throws UnknownIdException when no author has the id; nothing was written
     */
    // tag::atomic-count[]
    private Author countBook(long authorId, int delta) {
        int updated = entityManager.createQuery("""
                update Author a
                set a.bookCount = a.bookCount + :delta
                where a.id = :id""")
                .setParameter("delta", (long) delta)
                .setParameter("id", authorId)
                .executeUpdate();
        if (updated == 0) {
            throw new UnknownIdException(Author.class, authorId);
        }
        return entityManager.getReference(Author.class, authorId);
    }
    // end::atomic-count[]

    private void flush(long authorId, Book book) {
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            Optional<ConstraintViolationException> unknownAuthor =
                    Constraints.violated(e, ConstraintKind.FOREIGN_KEY, Book.FK_AUTHOR);
            if (unknownAuthor.isPresent()) {
                throw new UnknownIdException(Author.class, authorId, unknownAuthor.get());
            }
            throw Constraints.violated(e, ConstraintKind.UNIQUE, Book.UK_ISBN)
                    .<RuntimeException>map(violation -> new DuplicateIsbnException(book.getIsbn(), violation))
                    .orElse(e);
        }
    }
}
