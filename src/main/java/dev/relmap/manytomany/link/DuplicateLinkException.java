package dev.relmap.manytomany.link;

/** A second link for a (book, author) pair that is already linked; nothing was changed. */
public class DuplicateLinkException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    DuplicateLinkException(Object book, Object author) {
        super(book + " already credits " + author + "; a pair can be linked once (change its role instead)");
    }
}
