package dev.relmap.selfreferencing.category;

/**
 * A move that would make a category its own ancestor: under itself, or under one of its own
 * subcategories at any depth. Refused before anything is written; the message names both.
 */
public class CategoryCycleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final long categoryId;
    private final long newParentId;

    CategoryCycleException(Category category, Category newParent) {
        super(category.getId().equals(newParent.getId())
                ? "Cannot move '" + category.getName() + "' under itself"
                : "Cannot move '" + category.getName() + "' under '" + newParent.getName()
                        + "': '" + newParent.getName() + "' lies under '" + category.getName() + "'");
        this.categoryId = category.getId();
        this.newParentId = newParent.getId();
    }

    public long categoryId() {
        return categoryId;
    }

    public long newParentId() {
        return newParentId;
    }
}
