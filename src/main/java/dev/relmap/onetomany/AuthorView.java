package dev.relmap.onetomany;

import java.util.List;

/**
 * An author with its books as plain records: what to hand a JSON library instead of the entities.
 * Records have no lazy state, no back-reference and no proxy, so serializing them issues no SQL,
 * cannot recurse, and works after the EntityManager closed. Built in memory from one query: see
 * {@link #of(Author)}.
 */
public record AuthorView(long id, String name, String email, List<BookView> books) {

    /** A book without its author: the author is the enclosing record. */
    public record BookView(long id, String title, String isbn, int pages) {
    }

    /**
     * Copies an author and its books, which must already be loaded (for example by
     * {@link AuthorRepository#findAllWithBooks()}, 1 SELECT for every author): on a loaded author
     * this issues no statement; on one whose books are not loaded it costs the 1 SELECT per author
     * that serializing the entity would have cost.
     *
     * @throws IllegalArgumentException if {@code author} is null
     */
    // tag::author-view[]
    public static AuthorView of(Author author) {
        if (author == null) {
            throw new IllegalArgumentException("author must not be null");
        }
        return new AuthorView(author.getId(), author.getName(), author.getEmail(),
                author.getBooks().stream()
                        .map(book -> new BookView(book.getId(), book.getTitle(), book.getIsbn(), book.getPages()))
                        .toList());
    }
    // end::author-view[]
}
