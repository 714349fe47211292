package dev.relmap.selfreferencing.category;

/**
 * An id that names no row; nothing was written. Every relmap pattern package has its own copy of
 * this class on purpose: a package is meant to be copied whole, without reaching into another.
 */
public class UnknownIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Class<?> type;
    private final transient Object id;

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
