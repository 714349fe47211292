package dev.relmap.selfreferencing.category;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Hibernate;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Reads and changes category trees; each method says the statements it costs for a tree of T
 * categories. The caller owns the transaction; writes flush before returning.
 */
public class CategoryRepository {

    private final EntityManager entityManager;
    private final Runnable afterMoveCheck;

    public CategoryRepository(EntityManager entityManager) {
        this(entityManager, () -> { });
    }

    /**
     * With a hook run by {@link #move} between its check and its lock, and by {@link #moveToRoot}
     * between its read and its write: tests hold two moves there, or change the tree meanwhile.
     */
    CategoryRepository(EntityManager entityManager, Runnable afterMoveCheck) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
        this.afterMoveCheck = Require.notNull(afterMoveCheck, "afterMoveCheck");
    }

    /**
     * The roots alone, by name: 1 SELECT. Walking their subcategories from there costs 1 SELECT per
     * category visited, leaves included (only the query tells Hibernate a leaf has none): 1 + T.
     */
    public List<Category> findRoots() {
        return entityManager.createQuery("""
                select c
                from Category c
                where c.parent is null
                order by c.name""", Category.class)
                .getResultList();
    }

    /**
     * Every tree whole, at any depth, in 1 SELECT: the roots, each with its subcategories loaded
     * all the way down, so that walking them costs no statement. The recursive CTE of
     * {@link #findSubtree}, started from every root.
     */
    public List<Category> findTrees() {
        return subtrees(SUBTREES_OF_ROOTS, Map.of()).stream()
                .filter(category -> category.getParent() == null)
                .sorted(Comparator.comparing(Category::getName))
                .toList();
    }

    /**
     * A category with its whole subtree, at any depth, in 1 SELECT: a recursive CTE collects the
     * ids under it, and one {@code left join fetch} loads those categories with their (ordered)
     * subcategories. Every category of the subtree is in the result, so each fetched collection
     * holds the very instances of the next level: walking down costs no statement.
     *
     * @throws UnknownIdException if no category has that id
     */
    public Category findSubtree(long id) {
        return subtrees(SUBTREE_OF_ONE, Map.of("id", id)).stream()
                .filter(category -> category.getId() == id)
                .findFirst()
                .orElseThrow(() -> new UnknownIdException(Category.class, id));
    }

    /**
     * The categories that {@code start} picks and all under them, each with its subcategories: the
     * one recursive CTE of {@link #findSubtree} and {@link #findTrees}. {@code start} is one of the
     * two fixed conditions below, never input; the id is a bound parameter.
     */
    // tag::subtree-cte[]
    private static String subtreesFrom(String start) {
        return """
                with tree as (
                    select c.id as id
                    from Category c
                    where %s
                    union all
                    select c.id as id
                    from tree t
                    join Category c on c.parent.id = t.id
                )
                select c
                from tree t
                join Category c on c.id = t.id
                left join fetch c.subcategories""".formatted(start);
    }

    private static final String SUBTREE_OF_ONE = subtreesFrom("c.id = :id");
    private static final String SUBTREES_OF_ROOTS = subtreesFrom("c.parent is null");
    // end::subtree-cte[]

    private List<Category> subtrees(String hql, Map<String, Object> parameters) {
        var query = entityManager.createQuery(hql, Category.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * The path from the root down to a category, root first, as records: 1 SELECT, a recursive CTE
     * that climbs from the category to the root, whatever its depth.
     *
     * @throws UnknownIdException if no category has that id
     */
    // tag::breadcrumb[]
    public List<CategoryCrumb> breadcrumb(long id) {
        List<CategoryCrumb> crumbs = entityManager.createQuery("""
                with path as (
                    select c.id as id, c.parent.id as parentId, c.name as name, 0 as distance
                    from Category c
                    where c.id = :id
                    union all
                    select p.id as id, p.parent.id as parentId, p.name as name, t.distance + 1 as distance
                    from path t
                    join Category p on p.id = t.parentId
                )
                select new dev.relmap.selfreferencing.category.CategoryCrumb(t.id, t.name)
                from path t
                order by t.distance desc""", CategoryCrumb.class)
                .setParameter("id", id)
                .getResultList();
        // end::breadcrumb[]
        if (crumbs.isEmpty()) {
            throw new UnknownIdException(Category.class, id);
        }
        return crumbs;
    }

    /**
     * The roots with two levels of subcategories, by JOIN FETCH: 1 SELECT. The third level is not
     * loaded: walking one level deeper costs 1 SELECT per category of the second level, the trap
     * of every fixed-depth fetch.
     */
    public List<Category> findRootsWithTwoLevels() {
        return entityManager.createQuery("""
                select c
                from Category c
                left join fetch c.subcategories s
                left join fetch s.subcategories
                where c.parent is null
                order by c.name""", Category.class)
                .getResultList();
    }

    /** Each root with the size and the depth of its tree, as records: 1 SELECT, nothing managed. */
    public List<SubtreeSize> subtreeSizes() {
        return entityManager.createQuery("""
                with tree as (
                    select c.id as rootId, c.id as id, 0 as depth
                    from Category c
                    where c.parent is null
                    union all
                    select t.rootId as rootId, c.id as id, t.depth + 1 as depth
                    from tree t
                    join Category c on c.parent.id = t.id
                )
                select new dev.relmap.selfreferencing.category.SubtreeSize(r.id, r.name, count(t.id), max(t.depth))
                from tree t
                join Category r on r.id = t.rootId
                group by r.id, r.name
                order by r.name""", SubtreeSize.class)
                .getResultList();
    }

    /**
     * Adds a category under a parent: 1 SELECT (the parent, whose name a refusal quotes), 1 INSERT,
     * and a sequence call when the pooled block of ids is used up.
     *
     * @throws IllegalArgumentException if {@code name} is null or blank; no statement is sent
     * @throws UnknownIdException if the parent does not exist
     * @throws DuplicateCategoryException if the parent already has a subcategory of that name
     */
    public Category add(long parentId, String name) {
        Require.notBlank(name, "name");
        Category parent = find(parentId);
        Category category = new Category(name);
        parent.addSubcategory(category);
        entityManager.persist(category);
        flush(failure -> duplicate(failure, name, parent));
        return category;
    }

    /**
     * Adds a root, a category with no parent: 1 INSERT, and a sequence call when the pooled block of
     * ids is used up. No SELECT checks the name first: two transactions could both find it free. The
     * sibling-name key refuses a second root of the same name in the database, also when two
     * transactions add it at once: the second INSERT waits for the first transaction and is refused
     * once that one commits. H2 waits only as long as its lock timeout (about 2 s here); past that
     * the second fails with a {@code LockTimeoutException} instead, and still stores nothing.
     *
     * @throws IllegalArgumentException if {@code name} is null or blank; no statement is sent
     * @throws DuplicateCategoryException if a root of that name exists, naming it and {@code (root)}
     */
    public Category addRoot(String name) {
        Require.notBlank(name, "name");
        Category root = new Category(name);
        entityManager.persist(root);
        flush(failure -> duplicate(failure, name, null));
        return root;
    }

    /**
     * Moves a category, with its whole subtree, under another parent, refusing cycles:
     *
     * <ol>
     *   <li>the check, 1 SELECT: the moved category and the new parent's path to the root, by a
     *       recursive CTE; a cycle if the moved category is on that path;
     *   <li>the lock, 1 version UPDATE per category checked (the path and the moved one), taken in
     *       id order ({@code PESSIMISTIC_FORCE_INCREMENT}): a concurrent move that changed any of
     *       them since the check makes its version stale, and this move is refused;
     *   <li>the move, 1 UPDATE of the moved category's parent.
     * </ol>
     *
     * <p>Why it holds: two moves that each look legal can close a cycle only if each one changes a
     * category on the other's checked path (A under B while B goes under A: B is on A's new path and
     * A on B's). Both lock both rows in the same order; the second to get there finds the version
     * bumped by the first and fails, or waits for it and then fails. Never both commit.
     *
     * @throws UnknownIdException naming the id of the category or of the new parent
     * @throws CategoryCycleException if the new parent is the category itself or lies under it
     * @throws ConcurrentMoveException if another transaction moved a checked category meanwhile
     * @throws DuplicateCategoryException if the new parent already has a subcategory of that name
     */
    // tag::move[]
    public void move(long categoryId, long newParentId) {
        Map<Long, Category> checked = entityManager.createQuery("""
                with path as (
                    select c.id as id, c.parent.id as parentId, case when c.id = :newParentId then 1 else 0 end as climb
                    from Category c
                    where c.id in (:categoryId, :newParentId)
                    union all
                    select p.id as id, p.parent.id as parentId, 1 as climb
                    from path t
                    join Category p on p.id = t.parentId
                    where t.climb = 1
                )
                select c
                from path t
                join Category c on c.id = t.id""", Category.class)
                .setParameter("categoryId", categoryId)
                .setParameter("newParentId", newParentId)
                .getResultStream()
                .collect(Collectors.toMap(Category::getId, Function.identity(), (same, again) -> same));
        Category category = known(checked, categoryId);
        Category newParent = known(checked, newParentId);
        if (pathToRoot(newParent, checked).contains(category)) {
            throw new CategoryCycleException(category, newParent);
        }
        afterMoveCheck.run();
        flush(() -> {
            checked.values().stream()
                    .sorted(Comparator.comparing(Category::getId))
                    .forEach(c -> entityManager.lock(c, LockModeType.PESSIMISTIC_FORCE_INCREMENT));
            newParent.addSubcategory(category);
        }, failure -> duplicate(failure, category.getName(), newParent)
                .or(() -> concurrent(failure).map(e -> new ConcurrentMoveException(category, newParent, e))));
    }
    // end::move[]

    /**
     * Makes a category, with its whole subtree, a root: 1 SELECT (the category) and 1 UPDATE of its
     * parent, guarded by its version; nothing more for a category that is a root already. No check
     * and no lock: a root has no ancestors, so this move cannot close a cycle, whatever moves run
     * beside it. The old parent is not loaded.
     *
     * @throws UnknownIdException if no category has that id
     * @throws DuplicateCategoryException if a root of that name exists, naming it and {@code (root)}
     * @throws ConcurrentMoveException if another transaction changed the category meanwhile
     */
    public void moveToRoot(long categoryId) {
        Category category = find(categoryId);
        Category parent = category.getParent();
        if (parent == null) {
            return;
        }
        afterMoveCheck.run();
        flush(() -> {
            if (Hibernate.isInitialized(parent)) {
                parent.forget(category);
            }
            category.setParent(null);
        }, failure -> duplicate(failure, category.getName(), null)
                .or(() -> concurrent(failure).map(e -> new ConcurrentMoveException(category, null, e))));
    }

    /**
     * Deletes a category that has no subcategories: 1 SELECT (the category and its number of
     * subcategories) and 1 DELETE. Rejects a category with subcategories rather than cascading or
     * re-parenting (see {@link CategoryNotEmptyException}); the foreign key refuses the delete too
     * if a subcategory was added after the check, so no row is ever left pointing at a deleted parent.
     *
     * @throws UnknownIdException if no category has that id
     * @throws CategoryNotEmptyException if it has subcategories
     */
    public void delete(long id) {
        Object[] found = entityManager.createQuery("""
                select c, (select count(s.id) from Category s where s.parent.id = c.id)
                from Category c
                where c.id = :id""", Object[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new UnknownIdException(Category.class, id));
        Category category = (Category) found[0];
        long subcategories = (Long) found[1];
        if (subcategories > 0) {
            throw new CategoryNotEmptyException(category, subcategories, null, null);
        }
        entityManager.remove(category);
        flush(failure -> Constraints.violated(failure, ConstraintKind.FOREIGN_KEY, Category.FK_PARENT)
                .map(v -> new CategoryNotEmptyException(category, -1, Constraints.nameOf(v), failure)));
    }

    private Category find(long id) {
        return Optional.ofNullable(entityManager.find(Category.class, id))
                .orElseThrow(() -> new UnknownIdException(Category.class, id));
    }

    /** {@code from} and its ancestors, up to the root, from categories loaded by the check. */
    private static List<Category> pathToRoot(Category from, Map<Long, Category> loaded) {
        List<Category> path = new ArrayList<>();
        for (Category step = from; step != null; step = step.getParent() == null ? null : loaded.get(step.getParent().getId())) {
            path.add(step);
        }
        return path;
    }

    private static Category known(Map<Long, Category> categories, long id) {
        Category category = categories.get(id);
        if (category == null) {
            throw new UnknownIdException(Category.class, id);
        }
        return category;
    }

    /**
     * The failure of a move that lost to another one: a stale version (the row changed since the
     * check), a lock wait that timed out, or a deadlock victim.
     */
    private static Optional<PersistenceException> concurrent(PersistenceException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException || cause instanceof StaleStateException
                    || cause instanceof LockAcquisitionException
                    || cause instanceof org.hibernate.PessimisticLockException) {
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    /** {@code parent} is null for a root. */
    private Optional<RuntimeException> duplicate(PersistenceException failure, String name, Category parent) {
        return Constraints.violated(failure, ConstraintKind.UNIQUE, Category.UK_SIBLING_NAME)
                .map(v -> new DuplicateCategoryException(name, parent, v));
    }

    private void flush(Function<PersistenceException, Optional<? extends RuntimeException>> translation) {
        flush(() -> { }, translation);
    }

    /** Runs {@code changes} and flushes them, translating a failure of either. */
    private void flush(Runnable changes, Function<PersistenceException, Optional<? extends RuntimeException>> translation) {
        try {
            changes.run();
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translation.apply(e).map(RuntimeException.class::cast).orElse(e);
        }
    }
}
