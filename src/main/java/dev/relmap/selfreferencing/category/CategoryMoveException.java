package dev.relmap.selfreferencing.category;

/**
 * A move refused: {@link #categoryId()} was not put under {@link #newParentId()}, and nothing of
 * the move was written. The two reasons are its two subclasses, so that a caller can tell them
 * apart: {@link CategoryCycleException} (never possible, do not retry) and
 * {@link ConcurrentMoveException} (lost to another move: read the tree again and retry).
 */
public abstract class CategoryMoveException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final long categoryId;
    private final long newParentId;

    /** {@code newParent} is null for a move to the top level. */
    CategoryMoveException(String message, Category category, Category newParent, Throwable cause) {
        super(message, cause);
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
