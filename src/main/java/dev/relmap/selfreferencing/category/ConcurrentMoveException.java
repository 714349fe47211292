package dev.relmap.selfreferencing.category;

/**
 * A move refused because another transaction changed a category it checked (the moved category or
 * one on the new parent's path to the root) between the check and the write: together the two
 * moves could have closed a cycle. Nothing of this move was written; read the tree again and retry.
 */
public class ConcurrentMoveException extends CategoryMoveException {

    private static final long serialVersionUID = 1L;

    /** {@code newParent} is null for a move to the top level. */
    ConcurrentMoveException(Category category, Category newParent, Throwable cause) {
        super("'" + category.getName() + "' was not moved under "
                + (newParent == null ? DuplicateCategoryException.ROOT : "'" + newParent.getName() + "'")
                + ": another move changed the categories it checked; read the tree again and retry",
                category, newParent, cause);
    }
}
