package dev.relmap.selfreferencing.category;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic category trees, filled breadth first: the root "Catalog", then its subcategories
 * "Category 1", "Category 2", …, then theirs ("Category 1.1", "Category 1.2", …), level by level,
 * until the tree holds the number of nodes asked for. A name is its path, so it is unique in the
 * whole tree (the schema asks that only of siblings).
 */
public final class SampleData {

    /** Subcategories per category in the pattern's tree: 1 + 3 + 9 + … nodes, level by level. */
    public static final int FAN_OUT = 3;

    /** The root's name. */
    public static final String ROOT = "Catalog";

    private static final int FLUSH_EVERY = 500;

    private SampleData() {
    }

    /** Persists a tree of {@code nodes} categories, each with up to {@link #FAN_OUT} subcategories. */
    public static void seed(EntityManager entityManager, int nodes) {
        seed(entityManager, nodes, FAN_OUT, FAN_OUT);
    }

    /**
     * Persists a tree of {@code nodes} categories in the caller's transaction: the root has up to
     * {@code rootFanOut} subcategories, every other category up to {@code fanOut}. Flushes and
     * clears every few hundred categories; leaves the context clear.
     */
    public static void seed(EntityManager entityManager, int nodes, int rootFanOut, int fanOut) {
        Category root = new Category(ROOT, "Every category");
        entityManager.persist(root);
        List<Category> all = new ArrayList<>(List.of(root));
        int parentIndex = 0;
        int childrenOfParent = 0;
        for (int k = 1; k < nodes; k++) {
            Category parent = all.get(parentIndex);
            childrenOfParent++;
            String path = parent == root ? Integer.toString(childrenOfParent) : pathOf(parent) + "." + childrenOfParent;
            Category child = new Category("Category " + path);
            parent.addSubcategory(child);
            entityManager.persist(child);
            all.add(child);
            if (childrenOfParent == (parent == root ? rootFanOut : fanOut)) {
                parentIndex++;
                childrenOfParent = 0;
            }
            if (k % FLUSH_EVERY == 0) {
                entityManager.flush();
            }
        }
        entityManager.flush();
        entityManager.clear();
    }

    /** The depth of the {@code k}-th category (from 0, the root) of a tree filled by {@link #seed}. */
    public static int depthOf(int k, int rootFanOut, int fanOut) {
        int depth = 0;
        long levelStart = 0;
        long levelSize = 1;
        while (k >= levelStart + levelSize) {
            levelStart += levelSize;
            levelSize = depth == 0 ? rootFanOut : levelSize * fanOut;
            depth++;
        }
        return depth;
    }

    /** How many of a tree's first {@code nodes} categories lie at depth {@code maxDepth} or less. */
    public static int nodesWithin(int nodes, int maxDepth) {
        int within = 0;
        for (int k = 0; k < nodes && depthOf(k, FAN_OUT, FAN_OUT) <= maxDepth; k++) {
            within++;
        }
        return within;
    }

    /**
     * Deletes every category, leaves first: one DELETE per level, each removing the categories that
     * have no subcategories left, so no row ever points at a deleted parent (MariaDB checks the
     * foreign key row by row, within a statement). Cutting every link to a parent first would turn
     * every category into a root, and two subcategories of the same name under different parents
     * into two roots of one name, which the sibling-name key refuses.
     */
    public static void clear(EntityManager entityManager) {
        while (entityManager.createQuery("""
                delete from Category c
                where c.subcategories is empty""").executeUpdate() > 0) {
            // next level up
        }
        entityManager.clear();
    }

    private static String pathOf(Category category) {
        return category.getName().substring("Category ".length());
    }
}
