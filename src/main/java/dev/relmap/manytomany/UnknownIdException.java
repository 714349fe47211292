package dev.relmap.manytomany;

import java.util.Collection;
import java.util.List;

/** One or more ids that name no row of {@code type}; nothing was written. */
public class UnknownIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final Class<?> type;
    private final List<Long> ids;

    UnknownIdException(Class<?> type, Collection<Long> ids) {
        super("No " + type.getSimpleName() + " with id " + (ids.size() == 1 ? ids.iterator().next() : ids));
        this.type = type;
        this.ids = List.copyOf(ids);
    }

    public Class<?> type() {
        return type;
    }

    /** The ids that were not found. */
    public List<Long> ids() {
        return ids;
    }
}
