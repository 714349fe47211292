package dev.relmap.selfreferencing.category;

import org.hibernate.exception.ConstraintViolationException;

/**
 * A category name already taken among the siblings it would join, the roots included (they are
 * siblings of each other); the message names it and the parent, {@link #constraintName()} the
 * unique key {@value Category#UK_SIBLING_NAME} on (parent_key, name) that refused it, which the
 * database enforces for roots too: see {@link Category}. Nothing was written.
 */
public class DuplicateCategoryException extends DuplicateKeyException {

    private static final long serialVersionUID = 1L;

    /** What a refusal names as the parent of a root. */
    public static final String ROOT = "(root)";

    /** {@code parent} is null for a root. */
    DuplicateCategoryException(String name, Category parent, ConstraintViolationException violation) {
        super("A category named '" + name + "' already exists under "
                + (parent == null ? ROOT : "'" + parent.getName() + "'"), name, violation);
    }

    /** The name already taken. */
    public String name() {
        return (String) value();
    }
}
