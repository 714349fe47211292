package dev.relmap.manytomany.link;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * A new book whose ISBN another book already has ({@value Book#UK_ISBN}); the message names the
 * ISBN, {@link #constraintName()} the constraint the database enforced. Nothing was written.
 */
public class DuplicateIsbnException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String isbn;
    private final ConstraintKind kind;
    private final String constraintName;

    DuplicateIsbnException(String isbn, ConstraintViolationException cause) {
        super("A book with ISBN '" + isbn + "' already exists", cause);
        this.isbn = isbn;
        this.kind = cause.getKind();
        this.constraintName = Constraints.nameOf(cause);
    }

    /** The ISBN already taken. */
    public String isbn() {
        return isbn;
    }

    /** The kind of constraint the database enforced: {@link ConstraintKind#UNIQUE}. */
    public ConstraintKind kind() {
        return kind;
    }

    /** The name of the violated constraint, lower case, as the database reported it. */
    public String constraintName() {
        return constraintName;
    }
}
