package dev.relmap.onetomany;

import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;

/**
 * What the one-to-many tests write and read straight from the tables: an author of M books, rows per
 * table, the drift of the stored book counts. The unit itself, seeded with N authors
 * ({@link SampleData}) only when N changes, is {@link #open()}'s.
 */
final class OneToManyFixture {

    private final EntityManagerFactory factory;

    OneToManyFixture(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Recreates the pattern's schema on the database the build runs on, and opens its unit. */
    static PatternFixture open() {
        return PatternFixture.open(new OneToManyPattern(), SampleData::clear);
    }

    /**
     * A second unit in a schema of its own, whose id generators have handed out nothing yet: for
     * counting sequence calls from a known start.
     */
    static PatternFixture openFresh() {
        return PatternFixture.openSeparate(new OneToManyPattern(), "fresh", SampleData::clear);
    }

    /** Creates author 1 of {@link SampleData} with {@code books} books and returns its id. */
    long createAuthor(int books) {
        return factory.callInTransaction(entityManager ->
                new AuthorWrites(entityManager).create(SampleData.author(1, books)).getId());
    }

    /** Rows per table, to prove that a failed write changed nothing. */
    Map<String, Long> rowCounts() {
        return PatternFixture.rowCounts(factory, Map.of("author", "Author", "book", "Book", "award", "Award"));
    }

    /**
     * The authors whose stored {@code book_count} differs from the number of their books, each as
     * {@code id=stored/real}: empty when the denormalised column is exact. One SELECT.
     */
    // tag::drift-check[]
    List<String> driftedBookCounts() {
        return factory.callInTransaction(entityManager -> entityManager.createQuery("""
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
}
