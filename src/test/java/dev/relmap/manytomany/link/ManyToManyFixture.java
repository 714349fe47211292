package dev.relmap.manytomany.link;

import dev.relmap.catalog.ManyToManyPattern;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic authors and books for the many-to-many tests, and the link table as one comparable
 * value. The unit itself, emptied between tests, is {@link #open()}'s; {@code BagPitfallTest} uses
 * the same helpers on a unit of its own.
 */
final class ManyToManyFixture {

    private final EntityManagerFactory factory;

    ManyToManyFixture(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Recreates the pattern's schema on the database the build runs on, and opens its unit. */
    static PatternFixture open() {
        return PatternFixture.open(new ManyToManyPattern(), ManyToManyFixture::clear);
    }

    /** Deletes every link, book and author. */
    static void clear(EntityManager entityManager) {
        entityManager.createQuery("delete from BookAuthorLink").executeUpdate();
        entityManager.createQuery("delete from Book").executeUpdate();
        entityManager.createQuery("delete from Author").executeUpdate();
    }

    /** {@link SampleData}'s authors 0 … count - 1, persisted in one transaction; returns their ids. */
    List<Long> authors(int count) {
        return factory.callInTransaction(entityManager -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Author author = SampleData.author(i);
                entityManager.persist(author);
                ids.add(author.getId());
            }
            return ids;
        });
    }

    /** A book with ISBN {@code isbn} credited to {@code authorIds}: the first writes, the rest edit. */
    long book(String isbn, List<Long> authorIds) {
        return factory.callInTransaction(entityManager -> {
            Book book = new Book("Title " + isbn, isbn);
            for (int i = 0; i < authorIds.size(); i++) {
                book.addAuthor(entityManager.getReference(Author.class, authorIds.get(i)),
                        i == 0 ? AuthorRole.WRITER : AuthorRole.EDITOR);
            }
            entityManager.persist(book);
            return book.getId();
        });
    }

    /** Every link as "bookId/authorId/ROLE", sorted: the whole link table in one comparable value. */
    List<String> links() {
        return factory.callInTransaction(entityManager -> entityManager.createQuery("""
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
