package dev.relmap.onetomany;

import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * Creates and deletes authors with their books, each method with the statements it costs; the
 * reads are {@link AuthorRepository}'s. The caller owns the transaction; a refused write leaves
 * nothing behind once the caller rolls back.
 */
public class AuthorWrites {

    private final EntityManager entityManager;

    public AuthorWrites(EntityManager entityManager) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
    }

    /**
     * Persists an author with its books (cascade) and flushes: 1 + M INSERTs in
     * 1 + ⌈M / 25⌉ JDBC batches, no UPDATE, plus a sequence call per 50 ids (pooled optimizer).
     *
     * @throws IllegalArgumentException if {@code author} is null; no statement is sent
     * @throws DuplicateEmailException naming the e-mail already taken; nothing is written
     * @throws DuplicateIsbnException naming the ISBN already taken; nothing is written
     */
    public Author create(Author author) {
        Require.notNull(author, "author");
        entityManager.persist(author);
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            Optional<ConstraintViolationException> email = Constraints.violated(e, ConstraintKind.UNIQUE, Author.UK_EMAIL);
            if (email.isPresent()) {
                throw new DuplicateEmailException(author.getEmail(), email.get());
            }
            Optional<ConstraintViolationException> isbn = Constraints.violated(e, ConstraintKind.UNIQUE, Book.UK_ISBN);
            if (isbn.isPresent()) {
                List<String> isbns = author.getBooks().stream().map(Book::getIsbn).toList();
                throw takenIsbn(isbns).<RuntimeException>map(taken -> new DuplicateIsbnException(taken, isbn.get()))
                        .orElse(e);
            }
            throw e;
        }
        return author;
    }

    /**
     * Deletes an author with its books and awards through the cascade: 1 SELECT for the author,
     * 1 per collection to find what to cascade to, then one DELETE per row, batched.
     *
     * @throws UnknownIdException naming the id; nothing is deleted
     */
    public void delete(long id) {
        Author author = entityManager.find(Author.class, id);
        if (author == null) {
            throw new UnknownIdException(Author.class, id);
        }
        entityManager.remove(author);
    }

    /**
     * Deletes an author with bulk statements, one per table (awards, books, author): 3 at any M,
     * nothing loaded. It bypasses the persistence context (managed copies go stale), cascades,
     * orphan removal, entity callbacks and optimistic locking.
     *
     * @throws UnknownIdException naming the id, when no author has it
     */
    public void deleteInBulk(long id) {
        entityManager.createQuery("delete from Award w where w.author.id = :id")
                .setParameter("id", id)
                .executeUpdate();
        entityManager.createQuery("delete from Book b where b.author.id = :id")
                .setParameter("id", id)
                .executeUpdate();
        int deleted = entityManager.createQuery("delete from Author a where a.id = :id")
                .setParameter("id", id)
                .executeUpdate();
        if (deleted == 0) {
            throw new UnknownIdException(Author.class, id);
        }
    }

    /**
     * The first of {@code isbns} that another book already has, or that the list itself repeats.
     * Asked on a fresh EntityManager: the failed flush has spoilt this transaction (PostgreSQL
     * refuses any further statement in it).
     */
    private Optional<String> takenIsbn(List<String> isbns) {
        try (EntityManager lookup = entityManager.getEntityManagerFactory().createEntityManager()) {
            Set<String> stored = new HashSet<>(lookup.createQuery("""
                    select b.isbn
                    from Book b
                    where b.isbn in :isbns""", String.class)
                    .setParameter("isbns", isbns)
                    .getResultList());
            Set<String> seen = new HashSet<>();
            return isbns.stream().filter(isbn -> stored.contains(isbn) || !seen.add(isbn)).findFirst();
        }
    }
}
