package dev.relmap.catalog;

import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.Strategy.NPlusOne;
import dev.relmap.selfreferencing.category.*;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;

/**
 * The category tree declared once for the tour, the table on its docs page and the tests. N is the number of
 * categories in one tree ({@link SampleData}: a root, {@value SampleData#FAN_OUT} subcategories
 * each, filled level by level, so depth ⌊log₃(2N − 1)⌋); each strategy reads the tree and returns
 * how many categories (or records) it read.
 */
public final class SelfReferencingPattern implements MappingPattern {

    @Override
    public String name() {
        return "self-referencing";
    }

    @Override
    public String title() {
        return "Self-referencing: a Category tree";
    }

    @Override
    public String family() {
        return "Self-referencing";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Category.class);
    }

    /**
     * Insert ordering off for this unit ({@code hibernate.order_inserts}, on in every other relmap
     * unit). Hibernate's sorter groups the flush's inserts by entity, placing each entity after the
     * entities it references; Category references itself, so its group can never be placed, and every
     * flush that inserts more than one logs HHH90032022 "could not be sorted" at WARN and keeps the
     * persist order anyway. With one entity there is nothing to group: inserts go out in persist
     * order, parents first, and batch all the same, since every one is the same statement.
     */
    @Override
    public Map<String, Object> properties() {
        return Map.of(AvailableSettings.ORDER_INSERTS, false);
    }

    @Override
    public void seed(EntityManager entityManager, int n) {
        SampleData.seed(entityManager, n);
    }

    @Override
    public List<Strategy> strategies() {
        CountFormula all = CountFormula.of("N", n -> n);
        return List.of(
                new Strategy("lazy (N+1)",
                        "Loads the root, then walks down: one query per category for its subcategories, leaves included.",
                        CountFormula.of("1 + N", n -> 1 + n), all, NPlusOne.FROM_TWO_ROOTS,
                        entityManager -> walk(new CategoryRepository(entityManager).findRoots(), Integer.MAX_VALUE)).by("CategoryRepository.findRoots"),
                new Strategy("subtree (recursive CTE)",
                        "A recursive CTE collects the ids at any depth; one left join fetch loads them with their subcategories.",
                        CountFormula.constant(1), all, NPlusOne.NEVER,
                        entityManager -> walk(new CategoryRepository(entityManager).findTrees(), Integer.MAX_VALUE)).by("CategoryRepository.findTrees"),
                new Strategy("two levels JOIN FETCH",
                        "The root with two levels of subcategories joined twice; a third level would cost one query per category.",
                        CountFormula.constant(1),
                        CountFormula.of("min(N, 13)", n -> SampleData.nodesWithin(n, 2)), NPlusOne.NEVER,
                        entityManager -> walk(new CategoryRepository(entityManager).findRootsWithTwoLevels(), 2)).by("CategoryRepository.findRootsWithTwoLevels"),
                new Strategy("tree sizes (record)",
                        "Each root with the size and depth of its tree, counted by a recursive CTE into records.",
                        CountFormula.constant(1), CountFormula.constant(1), NPlusOne.NEVER,
                        entityManager -> new CategoryRepository(entityManager).subtreeSizes().size()).by("CategoryRepository.subtreeSizes"));
    }

    /** Visits every category down to {@code maxDepth} below the given ones, as a menu would; returns how many. */
    public static int walk(List<Category> categories, int maxDepth) {
        int visited = 0;
        for (Category category : categories) {
            visited += category.getName().isEmpty() ? 0 : 1;
            if (maxDepth > 0) {
                visited += walk(List.copyOf(category.getSubcategories()), maxDepth - 1);
            }
        }
        return visited;
    }
}
