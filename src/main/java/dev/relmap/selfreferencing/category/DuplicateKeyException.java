package dev.relmap.selfreferencing.category;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * A key another row already has: the write would break a unique key or a primary key. The message
 * names the value; {@link #value()} returns it, {@link #constraintName()} the constraint and
 * {@link #kind()} its kind. Nothing was written. An {@link IllegalStateException}: the argument was
 * well formed, the stored data refused it (an HTTP 409). Each {@code Duplicate…Exception} of this
 * package extends it, with an accessor of its own for the value, so one {@code catch} answers them
 * all and a caller that cares still tells them apart. Every pattern package with a key a write can
 * take has this same class, on purpose: a package is copied whole.
 */
public abstract class DuplicateKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final Object value;
    private final String constraintName;
    private final ConstraintKind kind;

    /** Refused by the database: the constraint's name and kind are read from {@code violation}. */
    protected DuplicateKeyException(String message, Object value, ConstraintViolationException violation) {
        super(message, violation);
        this.value = value;
        this.constraintName = Constraints.nameOf(violation);
        this.kind = violation.getKind();
    }

    /**
     * Refused before any statement, by a check in memory or a lookup: {@code constraintName} is the
     * key the database would enforce, or null for a primary key, which JPA gives no name.
     */
    protected DuplicateKeyException(String message, Object value, String constraintName) {
        super(message);
        this.value = value;
        this.constraintName = constraintName;
        this.kind = ConstraintKind.UNIQUE;
    }

    /**
     * The value already taken, as the caller gave it: an e-mail, an ISBN, a code, a name, an id; for
     * a key of two columns, both, in a list.
     */
    public Object value() {
        return value;
    }

    /**
     * The name of the constraint, lower case, as the database reported it; null when the refusal
     * came first and the key is a primary key.
     */
    public String constraintName() {
        return constraintName;
    }

    /** {@link ConstraintKind#UNIQUE}: a primary key is a unique key too. */
    public ConstraintKind kind() {
        return kind;
    }
}
