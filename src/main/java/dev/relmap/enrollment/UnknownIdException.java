package dev.relmap.enrollment;

/** An id or code that names no row; nothing was written. */
public class UnknownIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnknownIdException(Class<?> type, Object id) {
        super("No " + type.getSimpleName() + " with " + (id instanceof String ? "code " : "id ") + id);
    }
}
