package dev.relmap.manytomany;

import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Deterministic test data for the many-to-many tests, and transactions to run it in. */
final class Catalogue {

    private final RelmapUnit unit;

    Catalogue(RelmapUnit unit) {
        this.unit = unit;
    }

    /** Runs {@code work} in a new EntityManager and a transaction that commits. */
    <T> T fromTransaction(Function<EntityManager, T> work) {
        EntityManager entityManager = unit.entityManagerFactory().createEntityManager();
        try {
            entityManager.getTransaction().begin();
            T result = work.apply(entityManager);
            entityManager.getTransaction().commit();
            return result;
        } finally {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
            entityManager.close();
        }
    }

    void inTransaction(Consumer<EntityManager> work) {
        fromTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    /** Runs {@code work} in a transaction that is rolled back whatever happens, even on success. */
    void inRolledBackTransaction(Consumer<EntityManager> work) {
        EntityManager entityManager = unit.entityManagerFactory().createEntityManager();
        try {
            entityManager.getTransaction().begin();
            work.accept(entityManager);
        } finally {
            entityManager.getTransaction().rollback();
            entityManager.close();
        }
    }

    /** Deletes every link, book and author. */
    void clear() {
        inTransaction(entityManager -> {
            entityManager.createQuery("delete from BookAuthorLink").executeUpdate();
            entityManager.createQuery("delete from Book").executeUpdate();
            entityManager.createQuery("delete from Author").executeUpdate();
        });
    }

    /** Authors named "Author 0", "Author 1", … persisted in one transaction; returns their ids. */
    List<Long> authors(int count) {
        return fromTransaction(entityManager -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Author author = new Author("Author " + i, "author" + i + "@example.org");
                entityManager.persist(author);
                ids.add(author.getId());
            }
            return ids;
        });
    }

    /** A book with ISBN {@code isbn} credited to {@code authorIds}: the first writes, the rest edit. */
    long book(String isbn, List<Long> authorIds) {
        return fromTransaction(entityManager -> {
            Book book = new Book("Title " + isbn, isbn);
            for (int i = 0; i < authorIds.size(); i++) {
                book.addAuthor(entityManager.getReference(Author.class, authorIds.get(i)),
                        i == 0 ? AuthorRole.WRITER : AuthorRole.EDITOR);
            }
            entityManager.persist(book);
            return book.getId();
        });
    }

    long count(String entityName) {
        return fromTransaction(entityManager -> entityManager
                .createQuery("select count(*) from " + entityName, Long.class)
                .getSingleResult());
    }

    /** Every link as "bookId/authorId/ROLE", sorted: the whole link table in one comparable value. */
    List<String> links() {
        return fromTransaction(entityManager -> entityManager.createQuery("""
                        select l.id.bookId, l.id.authorId, l.role
                        from BookAuthorLink l
                        order by l.id.bookId, l.id.authorId
                        """, Object[].class)
                .getResultList()
                .stream()
                .map(row -> row[0] + "/" + row[1] + "/" + row[2])
                .toList());
    }
}
