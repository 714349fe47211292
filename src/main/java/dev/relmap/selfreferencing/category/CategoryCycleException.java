package dev.relmap.selfreferencing.category;

/**
 * A move that would make a category its own ancestor: under itself, or under one of its own
 * subcategories at any depth. Refused after the check's one SELECT, before anything is written;
 * the message names both. Retrying cannot help.
 */
public class CategoryCycleException extends CategoryMoveException {

    private static final long serialVersionUID = 1L;

    CategoryCycleException(Category category, Category newParent) {
        super(category.getId().equals(newParent.getId())
                ? "Cannot move '" + category.getName() + "' under itself"
                : "Cannot move '" + category.getName() + "' under '" + newParent.getName()
                        + "': '" + newParent.getName() + "' lies under '" + category.getName() + "'",
                category, newParent, null);
    }
}
