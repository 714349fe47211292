package dev.relmap.onetomany;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * A unique key is already taken: an author's e-mail ({@value Author#UK_EMAIL}) or a book's ISBN
 * ({@value Book#UK_ISBN}). The message names the value; {@link #constraintName()} is the
 * constraint the database enforced. Nothing was written.
 */
public class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String value;
    private final ConstraintKind kind;
    private final String constraintName;

    DuplicateKeyException(String message, String value, ConstraintViolationException cause) {
        super(message, cause);
        this.value = value;
        this.kind = cause.getKind();
        this.constraintName = Constraints.nameOf(cause);
    }

    static DuplicateKeyException email(String email, ConstraintViolationException violation) {
        return new DuplicateKeyException("An author with e-mail '" + email + "' already exists", email, violation);
    }

    static DuplicateKeyException isbn(String isbn, ConstraintViolationException violation) {
        return new DuplicateKeyException("A book with ISBN '" + isbn + "' already exists", isbn, violation);
    }

    /** The value already taken: the e-mail or the ISBN. */
    public String value() {
        return value;
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
