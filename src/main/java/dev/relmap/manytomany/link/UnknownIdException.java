package dev.relmap.manytomany.link;

/**
 * No row of {@code type} has this id; the message names both ({@code No Author with id 42}).
 * Nothing was written. When a foreign key refused the id, the cause is Hibernate's
 * {@code ConstraintViolationException}. Every pattern package has this same class, on purpose: a
 * package is copied whole.
 */
public class UnknownIdException extends RuntimeException {

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

    public Class<?> type() {
        return type;
    }

    public Object id() {
        return id;
    }
}
