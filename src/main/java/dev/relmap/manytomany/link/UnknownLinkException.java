package dev.relmap.manytomany.link;

import java.util.NoSuchElementException;

/**
 * A change to a (book, author) link that does not exist: the book does not credit that author.
 * The message names both, {@link #bookId()} and {@link #authorId()} return their ids. Nothing was
 * changed. A {@link NoSuchElementException}, like {@link UnknownIdException}: the pair the caller
 * named is not there.
 */
public class UnknownLinkException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    private final Long bookId;
    private final Long authorId;

    UnknownLinkException(Book book, Author author) {
        super(book + " does not credit " + author);
        this.bookId = book.getId();
        this.authorId = author.getId();
    }

    public Long bookId() {
        return bookId;
    }

    public Long authorId() {
        return authorId;
    }
}
