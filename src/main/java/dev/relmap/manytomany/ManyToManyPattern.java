package dev.relmap.manytomany;

import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.Pattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.Strategy.NPlusOne;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Book ↔ Author through {@link BookAuthorLink}, declared once for the tour, the tests and the
 * README. The seed makes N books and N + 2 authors; book i is written by author i, edited by
 * author i + 1 and illustrated by author i + 2, so neighbouring books share authors, as real
 * catalogues do.
 */
public final class ManyToManyPattern implements Pattern {

    /** Authors per book in the seed. */
    public static final int AUTHORS_PER_BOOK = 3;

    private static final int FLUSH_EVERY = 250;

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
    public List<Class<?>> entityClasses() {
        return List.of(Author.class, Book.class, BookAuthorLink.class);
    }

    @Override
    public void seed(EntityManager entityManager, int n) {
        List<Long> authorIds = new ArrayList<>();
        for (int i = 0; i < n + AUTHORS_PER_BOOK - 1; i++) {
            Author author = new Author("Author " + i, "author" + i + "@example.org");
            entityManager.persist(author);
            authorIds.add(author.getId());
            flushEvery(entityManager, i);
        }
        entityManager.flush();
        entityManager.clear();
        AuthorRole[] roles = AuthorRole.values();
        for (int i = 0; i < n; i++) {
            Book book = new Book("Book " + i, String.format("978-0-%09d", i));
            for (int k = 0; k < AUTHORS_PER_BOOK; k++) {
                book.addAuthor(entityManager.getReference(Author.class, authorIds.get(i + k)), roles[k]);
            }
            entityManager.persist(book);
            flushEvery(entityManager, i);
        }
        entityManager.flush();
        entityManager.clear();
    }

    private static void flushEvery(EntityManager entityManager, int i) {
        if ((i + 1) % FLUSH_EVERY == 0) {
            entityManager.flush();
            entityManager.clear();
        }
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
                        entityManager -> walk(new BookRepository(entityManager).findAll())),
                new Strategy(
                        "JOIN FETCH",
                        "One query joins books to links to authors; Hibernate folds the rows into books.",
                        CountFormula.constant(1),
                        CREDITS,
                        NPlusOne.NEVER,
                        entityManager -> walk(new BookRepository(entityManager).findAllWithAuthors())),
                new Strategy(
                        "entity graph",
                        "A fetch graph with a subgraph for the links' authors; the same single join.",
                        CountFormula.constant(1),
                        CREDITS,
                        NPlusOne.NEVER,
                        entityManager -> walk(new BookRepository(entityManager).findAllWithAuthorsGraph())),
                new Strategy(
                        "credits (record)",
                        "One row per credit (title, author, role) into a record; nothing managed.",
                        CountFormula.constant(1),
                        CREDITS,
                        NPlusOne.NEVER,
                        entityManager -> new BookRepository(entityManager).findAllCredits().size()));
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
