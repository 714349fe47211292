package dev.relmap.selfreferencing.category;

/**
 * Deleting a category that still has subcategories; nothing was deleted. relmap rejects rather than
 * cascading (a whole branch lost by one call) or re-parenting (the children silently change place):
 * move or delete the subcategories first. The foreign key {@value Category#FK_PARENT} backs the
 * rule when a subcategory is added concurrently; {@link #constraintName()} is then its name.
 */
public class CategoryNotEmptyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final long categoryId;
    private final String constraintName;

    CategoryNotEmptyException(Category category, long subcategories, String constraintName, Throwable cause) {
        super("Cannot delete '" + category.getName() + "': it has "
                + (subcategories < 0 ? "subcategories" : subcategories + " subcategor" + (subcategories == 1 ? "y" : "ies"))
                + "; move or delete them first", cause);
        this.categoryId = category.getId();
        this.constraintName = constraintName;
    }

    public long categoryId() {
        return categoryId;
    }

    /** The foreign key that refused the delete, or null when the check before it did. */
    public String constraintName() {
        return constraintName;
    }
}
