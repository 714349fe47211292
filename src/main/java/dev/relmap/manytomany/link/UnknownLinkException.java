package dev.relmap.manytomany.link;

/** A change to a (book, author) link that does not exist; nothing was changed. */
public class UnknownLinkException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnknownLinkException(Object book, Object author) {
        super(book + " does not credit " + author);
    }
}
