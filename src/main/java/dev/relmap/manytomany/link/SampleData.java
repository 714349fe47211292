package dev.relmap.manytomany.link;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic data for this pattern, in one place: author {@code i} (from 0) is "Author i" with
 * e-mail {@code author<i>@example.org}; the seed makes N books and N + 2 authors, book {@code i}
 * ("Book i", ISBN {@code 978-0-} and i in nine digits) written by author i, edited by author
 * i + 1 and illustrated by author i + 2, so neighbouring books share authors, as real catalogues do.
 */
public final class SampleData {

    /** Authors per book in the seed. */
    public static final int AUTHORS_PER_BOOK = 3;

    private static final int FLUSH_EVERY = 250;

    private SampleData() {
    }

    /** A transient author number {@code i}. */
    public static Author author(int i) {
        return new Author("Author " + i, "author" + i + "@example.org");
    }

    /**
     * Persists N books and N + 2 authors in the caller's transaction, flushing and clearing every
     * few hundred rows so that large N stays fast and batched; leaves the context clear.
     */
    public static void seed(EntityManager entityManager, int n) {
        List<Long> authorIds = new ArrayList<>();
        for (int i = 0; i < n + AUTHORS_PER_BOOK - 1; i++) {
            Author author = author(i);
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
}
