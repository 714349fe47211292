package dev.relmap.selfreferencing.category;

/**
 * A category name already taken among the siblings it would join, the roots included (they are
 * siblings of each other); nothing was written. Backed by the unique key
 * {@value Category#UK_SIBLING_NAME} on (parent_key, name), which the database enforces for roots
 * too: see {@link Category}.
 */
public class DuplicateCategoryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** What a refusal names as the parent of a root. */
    public static final String ROOT = "(root)";

    private final String name;
    private final String constraintName;

    /** {@code parent} is null for a root. */
    DuplicateCategoryException(String name, Category parent, String constraintName, Throwable cause) {
        super("A category named '" + name + "' already exists under "
                + (parent == null ? ROOT : "'" + parent.getName() + "'"), cause);
        this.name = name;
        this.constraintName = constraintName;
    }

    public String name() {
        return name;
    }

    /** The violated constraint as the database named it. */
    public String constraintName() {
        return constraintName;
    }
}
