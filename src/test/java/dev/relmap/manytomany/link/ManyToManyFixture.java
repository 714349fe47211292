package dev.relmap.manytomany.link;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.ManyToManyPattern;
import dev.relmap.catalog.PatternUnits;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;

/** Deterministic test data for the many-to-many tests, and transactions to run it in. */
final class ManyToManyFixture {

    private final RelmapUnit unit;

    ManyToManyFixture(RelmapUnit unit) {
        this.unit = unit;
    }

    /** Recreates the pattern's schema on the database the build runs on, and opens its unit. */
    static RelmapUnit openUnit() {
        return PatternUnits.recreateSchemaAndOpen(new ManyToManyPattern(), DatabaseSettings.current());
    }

    RelmapUnit unit() {
        return unit;
    }

    /** Commit with its JPA 3.2 {@code runInTransaction} / {@code callInTransaction}. */
    EntityManagerFactory factory() {
        return unit.entityManagerFactory();
    }

    /** Deletes every link, book and author. */
    void clear() {
        factory().runInTransaction(entityManager -> {
            entityManager.createQuery("delete from BookAuthorLink").executeUpdate();
            entityManager.createQuery("delete from Book").executeUpdate();
            entityManager.createQuery("delete from Author").executeUpdate();
        });
    }

    /** {@link SampleData}'s authors 0 … count - 1, persisted in one transaction; returns their ids. */
    List<Long> authors(int count) {
        return factory().callInTransaction(entityManager -> {
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
        return factory().callInTransaction(entityManager -> {
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
        return factory().callInTransaction(entityManager -> entityManager
                .createQuery("select count(*) from " + entityName, Long.class)
                .getSingleResult());
    }

    /** Every link as "bookId/authorId/ROLE", sorted: the whole link table in one comparable value. */
    List<String> links() {
        return factory().callInTransaction(entityManager -> entityManager.createQuery("""
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
