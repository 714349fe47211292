package dev.relmap.selfreferencing.category;

import java.util.List;

/**
 * A category and its subtree as nested records: the tree to hand a JSON library. Nothing lazy, no
 * parent pointer, so it serializes without SQL, without recursion back up, and after the
 * EntityManager closed.
 */
public record CategoryNode(long id, String name, String description, List<CategoryNode> subcategories) {

    /**
     * Copies a category and everything under it. Built from {@link CategoryRepository#findSubtree}
     * (1 SELECT, every level loaded) it issues no further statement at any depth; from a category
     * whose subcategories are not loaded it costs 1 SELECT per category, leaves included.
     *
     * @throws IllegalArgumentException if {@code category} is null
     */
    public static CategoryNode of(Category category) {
        if (category == null) {
            throw new IllegalArgumentException("category must not be null");
        }
        return new CategoryNode(category.getId(), category.getName(), category.getDescription(),
                category.getSubcategories().stream().map(CategoryNode::of).toList());
    }
}
