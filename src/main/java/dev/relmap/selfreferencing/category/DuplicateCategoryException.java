package dev.relmap.selfreferencing.category;

/**
 * A category name already taken among the siblings it would join; nothing was written. Backed by
 * the unique key {@value Category#UK_SIBLING_NAME} on (parent_id, name).
 */
public class DuplicateCategoryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String constraintName;

    DuplicateCategoryException(String name, Category parent, String constraintName, Throwable cause) {
        super("A category named '" + name + "' already exists under '" + parent.getName() + "'", cause);
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
