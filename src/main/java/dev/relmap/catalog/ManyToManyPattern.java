package dev.relmap.catalog;

import dev.relmap.manytomany.link.*;
import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.Strategy.NPlusOne;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Book ↔ Author through {@link BookAuthorLink}, declared once for the tour, the tests and the
 * docs. The seed is {@link SampleData}'s: N books and N + 2 authors, three authors a book,
 * neighbouring books sharing authors.
 */
public final class ManyToManyPattern implements MappingPattern {

    private static final int AUTHORS_PER_BOOK = SampleData.AUTHORS_PER_BOOK;

    /** Every strategy reads one row per credit: N books × {@value #AUTHORS_PER_BOOK} authors. */
    private static final CountFormula CREDITS = CountFormula.of(AUTHORS_PER_BOOK + "N", n -> n * AUTHORS_PER_BOOK);

    @Override
    public String name() {
        return "many-to-many";
    }

    @Override
    public String title() {
        return "Many-to-many through a link entity: Book ↔ Author";
    }

    @Override
    public String family() {
        return "Many-to-many";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Author.class, Book.class, BookAuthorLink.class);
    }

    @Override
    public void seed(EntityManager entityManager, int n) {
        SampleData.seed(entityManager, n);
    }

    @Override
    public List<Strategy> strategies() {
        return List.of(
                new Strategy(
                        "lazy (N+1)",
                        "Books in one query, then each book's links, then each author not yet loaded:"
                                + " shared authors are read once.",
                        CountFormula.of("1 + N + (N + 2)", n -> 1 + n + (n + AUTHORS_PER_BOOK - 1)),
                        CREDITS,
                        NPlusOne.FROM_ONE_ROOT,
                        entityManager -> walk(new BookRepository(entityManager).findAll())).by("BookRepository.findAll"),
                new Strategy(
                        "JOIN FETCH",
                        "One query joins books to links to authors; Hibernate folds the rows into books.",
                        CountFormula.constant(1),
                        CREDITS,
                        NPlusOne.NEVER,
                        entityManager -> walk(new BookRepository(entityManager).findAllWithAuthors())).by("BookRepository.findAllWithAuthors"),
                new Strategy(
                        "entity graph",
                        "A fetch graph with a subgraph for the links' authors; the same single join.",
                        CountFormula.constant(1),
                        CREDITS,
                        NPlusOne.NEVER,
                        entityManager -> walk(new BookRepository(entityManager).findAllWithAuthorsGraph())).by("BookRepository.findAllWithAuthorsGraph"),
                new Strategy(
                        "credits (record)",
                        "One row per credit (title, author, role) into a record; nothing managed.",
                        CountFormula.constant(1),
                        CREDITS,
                        NPlusOne.NEVER,
                        entityManager -> new BookRepository(entityManager).findAllCredits().size()).by("BookRepository.findAllCredits"));
    }

    /** Reads everything the catalogue page shows; returns the number of credits seen. */
    private static int walk(List<Book> books) {
        int credits = 0;
        for (Book book : books) {
            for (BookAuthorLink link : book.getAuthorLinks()) {
                if (link.getAuthor().getName() != null && link.getRole() != null) {
                    credits++;
                }
            }
        }
        return credits;
    }
}
