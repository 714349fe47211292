package dev.relmap.manytomany.link;

import java.util.Arrays;

/**
 * A second link for a (book, author) pair that is already linked; the message names both, and
 * {@link #value()} is the pair of ids. Refused in memory, before anything is sent: the book's links
 * are loaded to add one, so a lookup tells. {@link #constraintName()} is null, since the key that
 * would refuse it is the link's primary key, which JPA gives no name. Nothing was changed.
 */
public class DuplicateLinkException extends DuplicateKeyException {

    private static final long serialVersionUID = 1L;

    private final Long bookId;
    private final Long authorId;

    DuplicateLinkException(Book book, Author author) {
        super(book + " already credits " + author + "; a pair can be linked once (change its role instead)",
                Arrays.asList(book.getId(), author.getId()), (String) null);
        this.bookId = book.getId();
        this.authorId = author.getId();
    }

    /** The book's id; null while the book is new. */
    public Long bookId() {
        return bookId;
    }

    public Long authorId() {
        return authorId;
    }
}
