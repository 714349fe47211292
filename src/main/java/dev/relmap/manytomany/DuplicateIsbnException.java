package dev.relmap.manytomany;

/** A new book whose ISBN another book already has; nothing was written. */
public class DuplicateIsbnException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    DuplicateIsbnException(String isbn) {
        super("A book with ISBN " + isbn + " already exists");
    }
}
