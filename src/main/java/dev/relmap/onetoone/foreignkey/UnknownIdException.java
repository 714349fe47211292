package dev.relmap.onetoone.foreignkey;

/**
 * No row of {@code type} has this id; the message names both. Nothing was written.
 *
 * <p>Every relmap pattern package has its own copy of this class, on purpose: a package is
 * copied whole, and reaches into no other.
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
