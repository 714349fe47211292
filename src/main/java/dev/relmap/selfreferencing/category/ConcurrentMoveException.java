package dev.relmap.selfreferencing.category;

/**
 * A move refused because another transaction changed a category it checked (the moved category or
 * one on the new parent's path to the root) between the check and the write: together the two
 * moves could have closed a cycle. Nothing of this move was written; read the tree again and retry.
 */
public class ConcurrentMoveException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final long categoryId;
    private final long newParentId;

    /** {@code newParent} is null for a move to the top level. */
    ConcurrentMoveException(Category category, Category newParent, Throwable cause) {
        super("'" + category.getName() + "' was not moved under "
                + (newParent == null ? DuplicateCategoryException.ROOT : "'" + newParent.getName() + "'")
                + ": another move changed the categories it checked; read the tree again and retry", cause);
        this.categoryId = category.getId();
        this.newParentId = newParent == null ? 0 : newParent.getId();
    }

    public long categoryId() {
        return categoryId;
    }

    /** The new parent's id, 0 for a move to the top level (a root's {@code parent_key}). */
    public long newParentId() {
        return newParentId;
    }
}
