package dev.relmap.manytomany.link;

import org.hibernate.exception.ConstraintViolationException;

/**
 * A new book whose ISBN another book already has ({@value Book#UK_ISBN}); the message names the
 * ISBN, {@link #constraintName()} the constraint the database enforced. Nothing was written.
 */
public class DuplicateIsbnException extends DuplicateKeyException {

    private static final long serialVersionUID = 1L;

    DuplicateIsbnException(String isbn, ConstraintViolationException violation) {
        super("A book with ISBN '" + isbn + "' already exists", isbn, violation);
    }

    /** The ISBN already taken. */
    public String isbn() {
        return (String) value();
    }
}
