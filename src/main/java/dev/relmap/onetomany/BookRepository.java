package dev.relmap.onetomany;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
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
     * Adds a book without loading its author: {@code getReference} gives an uninitialised proxy,
     * so the flush sends 1 INSERT and no SELECT. The database checks the author exists (the
     * foreign key), so an unknown id is found out at the INSERT.
     *
     * @throws IllegalArgumentException if {@code book} is null; no statement is sent
     * @throws UnknownIdException naming the author id, when no author has it; nothing is inserted
     * @throws DuplicateKeyException naming the ISBN, when a book already has it
     */
    public Book addBook(long authorId, Book book) {
        Require.notNull(book, "book");
        book.setAuthor(entityManager.getReference(Author.class, authorId));
        entityManager.persist(book);
        flush(authorId, book);
        return book;
    }

    /**
     * Adds a book after checking its author exists: 1 SELECT for the author, then 1 INSERT. The
     * author's {@code books} stay uninitialised: Hibernate queues an add to an inverse bag
     * instead of loading it.
     *
     * @throws IllegalArgumentException if {@code book} is null; no statement is sent
     * @throws UnknownIdException naming the author id; no INSERT is sent
     * @throws DuplicateKeyException naming the ISBN, when a book already has it
     */
    public Book addBookToLoadedAuthor(long authorId, Book book) {
        Require.notNull(book, "book");
        Author author = entityManager.find(Author.class, authorId);
        if (author == null) {
            throw new UnknownIdException(Author.class, authorId);
        }
        author.addBook(book);
        entityManager.persist(book);
        flush(authorId, book);
        return book;
    }

    /**
     * Removes one book through orphan removal: 1 SELECT (the author with its books), then
     * 1 DELETE at flush.
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
        author.removeBook(book);
    }

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
                    .<RuntimeException>map(violation -> DuplicateKeyException.isbn(book.getIsbn(), violation))
                    .orElse(e);
        }
    }
}
