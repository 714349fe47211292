package dev.relmap.onetomany;

import jakarta.persistence.EntityManager;

/**
 * Deterministic data for this pattern: author {@code i} (from 1) is "Author i" with e-mail
 * {@code author-i@relmap.dev}; its book {@code j} (from 1) has ISBN {@code i-j} and
 * {@code 100 × j} pages; its award {@code j} is from year {@code 2000 + j}.
 */
public final class SampleData {

    /** Books each seeded author has (M). */
    public static final int BOOKS_PER_AUTHOR = 3;

    /** Awards each seeded author has. */
    public static final int AWARDS_PER_AUTHOR = 2;

    private static final int FLUSH_EVERY = 200;

    private SampleData() {
    }

    /** A transient author number {@code i} with {@code books} books and no awards. */
    public static Author author(int i, int books) {
        Author author = new Author("Author " + i, "author-" + i + "@relmap.dev");
        for (int j = 1; j <= books; j++) {
            author.addBook(new Book("Book " + i + "." + j, i + "-" + j, 100 * j));
        }
        return author;
    }

    /**
     * Persists {@code authors} authors, each with {@link #BOOKS_PER_AUTHOR} books and
     * {@link #AWARDS_PER_AUTHOR} awards, in the caller's transaction. Flushes and clears every
     * few hundred authors so that large N stays fast and batched; leaves the context clear.
     */
    public static void seed(EntityManager entityManager, int authors) {
        for (int i = 1; i <= authors; i++) {
            Author author = author(i, BOOKS_PER_AUTHOR);
            for (int j = 1; j <= AWARDS_PER_AUTHOR; j++) {
                author.addAward(new Award("Award " + i + "." + j, 2000 + j));
            }
            entityManager.persist(author);
            if (i % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        entityManager.flush();
        entityManager.clear();
    }

    /** Deletes every row of this pattern, children first; for cleaning between tests. */
    public static void clear(EntityManager entityManager) {
        entityManager.createQuery("delete from Award").executeUpdate();
        entityManager.createQuery("delete from Book").executeUpdate();
        entityManager.createQuery("delete from Author").executeUpdate();
        entityManager.clear();
    }
}
