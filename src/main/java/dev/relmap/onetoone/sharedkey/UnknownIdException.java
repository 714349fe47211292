package dev.relmap.onetoone.sharedkey;

import java.util.NoSuchElementException;

/**
 * No row of {@code type} has this id (or natural key); the message names both
 * ({@code No Author with id 42}) and {@link #type()} and {@link #id()} return them. Nothing was
 * written. A {@link NoSuchElementException}, as {@code Optional.orElseThrow()} throws: the caller
 * named something that is not there (an HTTP 404), not a malformed argument. When a foreign key
 * refused the id, the cause is Hibernate's {@code ConstraintViolationException}. Every pattern
 * package has this same class, on purpose: a package is copied whole.
 */
public class UnknownIdException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    private final Class<?> type;
    private final Object id;

    public UnknownIdException(Class<?> type, Object id) {
        this(type, id, null);
    }

    public UnknownIdException(Class<?> type, Object id, Throwable cause) {
        super("No " + type.getSimpleName() + " with id " + id, cause);
        this.type = type;
        this.id = id;
    }

    /** The entity looked for. */
    public Class<?> type() {
        return type;
    }

    /** The id, or natural key, no row has. */
    public Object id() {
        return id;
    }
}
