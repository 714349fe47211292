package dev.relmap.onetomany;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.bootstrap.UnitSpec;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one-to-many unit as the tests use it: opened once per test class and seeded with N authors
 * ({@link Bookshelf}, the pattern's one seed) only when N changes. Transactions are JPA 3.2's:
 * {@code factory().runInTransaction(…)} commits, {@code unit().runInRolledBackTransaction(…)} does not.
 */
final class OneToManyFixture implements AutoCloseable {

    private final RelmapUnit unit;
    private int seededAuthors = -1;

    private OneToManyFixture(RelmapUnit unit) {
        this.unit = unit;
    }

    /** Recreates the pattern's schema on the database the build runs on, and opens its unit. */
    static OneToManyFixture open() {
        return open(UnaryOperator.identity());
    }

    /** The pattern's unit with {@code adjust} applied to it (a bigger pool, a longer wait for a connection). */
    static OneToManyFixture open(UnaryOperator<UnitSpec> adjust) {
        return new OneToManyFixture(adjust.apply(new OneToManyPattern().unit())
                .recreateSchemaAndOpen(DatabaseSettings.current()));
    }

    /**
     * A second unit in a schema of its own, whose id generators have handed out nothing yet: for
     * counting sequence calls from a known start.
     */
    static OneToManyFixture openFresh() {
        OneToManyPattern pattern = new OneToManyPattern();
        return new OneToManyFixture(
                pattern.unit().named(pattern.name() + "-fresh").recreateSchemaAndOpen(DatabaseSettings.current()));
    }

    RelmapUnit unit() {
        return unit;
    }

    /** Commit with its JPA 3.2 {@code runInTransaction} / {@code callInTransaction}. */
    EntityManagerFactory factory() {
        return unit.entityManagerFactory();
    }

    /** Makes the tables hold exactly N seeded authors ({@link Bookshelf}), reseeding only if needed. */
    void seed(int authors) {
        if (seededAuthors != authors) {
            factory().runInTransaction(entityManager -> {
                Bookshelf.clear(entityManager);
                Bookshelf.seed(entityManager, authors);
            });
            seededAuthors = authors;
        }
    }

    /** Empties the tables; the next {@link #seed} writes again. */
    void clear() {
        factory().runInTransaction(Bookshelf::clear);
        seededAuthors = 0;
    }

    /** Creates author 1 of {@link Bookshelf} with {@code books} books and returns its id. */
    long createAuthor(int books) {
        return factory().callInTransaction(entityManager ->
                new AuthorWrites(entityManager).create(Bookshelf.author(1, books)).getId());
    }

    /** Rows per table, to prove that a failed write changed nothing. */
    Map<String, Long> rowCounts() {
        return factory().callInTransaction(entityManager -> Map.of(
                "author", count(entityManager, "Author"),
                "book", count(entityManager, "Book"),
                "award", count(entityManager, "Award")));
    }

    /**
     * The authors whose stored {@code book_count} differs from the number of their books, each as
     * {@code id=stored/real}: empty when the denormalised column is exact. One SELECT.
     */
    // tag::drift-check[]
    List<String> driftedBookCounts() {
        return factory().callInTransaction(entityManager -> entityManager.createQuery("""
                select a.id, a.bookCount, count(b.id)
                from Author a
                left join a.books b
                group by a.id, a.bookCount
                having a.bookCount <> count(b.id)
                order by a.id""", Object[].class)
                .getResultStream()
                .map(row -> row[0] + "=" + row[1] + "/" + row[2])
                .toList());
    }
    // end::drift-check[]

    private static long count(EntityManager entityManager, String entity) {
        return entityManager.createQuery("select count(*) from " + entity, Long.class).getSingleResult();
    }

    @Override
    public void close() {
        unit.close();
    }
}
