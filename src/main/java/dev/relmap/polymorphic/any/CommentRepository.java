package dev.relmap.polymorphic.any;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Comments on posts and products through {@code @Any}, with the statements each method costs and
 * the guards the database cannot give: a checked write, a cleanup when an item is deleted, and a
 * clear report of a row whose type is not mapped. Runs in the caller's transaction; writes flush
 * before returning.
 */
public class CommentRepository {

    private final EntityManager entityManager;
    private final Clock clock;

    public CommentRepository(EntityManager entityManager) {
        this(entityManager, Clock.systemUTC());
    }

    /** With the clock comments are dated by. */
    public CommentRepository(EntityManager entityManager, Clock clock) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
        this.clock = Require.notNull(clock, "clock");
    }

    /**
     * Comments on an item after checking it exists: 1 SELECT (the item, read with a shared lock
     * that holds until commit, so a concurrent {@link #deleteItem} waits) and 1 INSERT. The
     * database itself would accept any id.
     *
     * @throws UnknownIdException naming the type and id when there is no such item; nothing written
     * @throws IllegalArgumentException if {@code type} is null or neither {@code Post.class} nor
     *     {@code Product.class}, or {@code author} or {@code body} is null or blank; no statement
     *     is sent
     */
    // tag::add-comment-checked[]
    public Comment addComment(Class<? extends Commentable> type, long itemId, String author, String body) {
        requireItemType(type);
        Require.notBlank(author, "author");
        Require.notBlank(body, "body");
        Commentable item = entityManager.find(type, itemId, LockModeType.PESSIMISTIC_READ);
        if (item == null) {
            throw new UnknownIdException(type, itemId);
        }
        Comment comment = new Comment(item, author, body, clock.instant());
        entityManager.persist(comment);
        entityManager.flush();
        return comment;
    }
    // end::add-comment-checked[]

    /**
     * Comments on an item by reference, without reading it: 1 INSERT and no SELECT — and no check
     * at all: an id that no item has is written as it is, a comment on nothing. This is what
     * {@code @Any} gives by itself; use {@link #addComment} unless the id is known to exist.
     *
     * @throws IllegalArgumentException if {@code type} is null or neither {@code Post.class} nor
     *     {@code Product.class}, or {@code author} or {@code body} is null or blank; no statement
     *     is sent
     */
    public Comment addCommentUnchecked(Class<? extends Commentable> type, long itemId, String author, String body) {
        requireItemType(type);
        Require.notBlank(author, "author");
        Require.notBlank(body, "body");
        Comment comment = new Comment(entityManager.getReference(type, itemId), author, body, clock.instant());
        entityManager.persist(comment);
        entityManager.flush();
        return comment;
    }

    /**
     * Deletes a post or a product and its comments: 2 DELETEs and no SELECT, the item first (so a
     * comment being added under {@link #addComment}'s lock is committed before the second DELETE
     * runs, and goes with it). Without this cleanup its comments would dangle: no foreign key
     * stops the item's DELETE.
     *
     * @return the number of comments deleted with it
     * @throws UnknownIdException naming the type and id when there is no such item
     * @throws IllegalArgumentException if {@code type} is null or neither {@code Post.class} nor
     *     {@code Product.class}; no statement is sent
     */
    // tag::delete-item[]
    public int deleteItem(Class<? extends Commentable> type, long itemId) {
        requireItemType(type);
        int items = deleteById(type, itemId);
        if (items == 0) {
            throw new UnknownIdException(type, itemId);
        }
        return entityManager.createQuery("""
                        delete from Comment c
                        where c.itemType = :type
                          and c.itemId = :id
                        """)
                .setParameter("type", Comment.discriminatorOf(type))
                .setParameter("id", itemId)
                .executeUpdate();
    }
    // end::delete-item[]

    /**
     * The comments on one post or product, newest first: 1 SELECT on the indexed pair of columns,
     * the item not read; an item without comments costs 1 SELECT more, to tell it from an id no
     * item has.
     *
     * @throws UnknownIdException naming the type and id when there is no such item
     * @throws IllegalArgumentException if {@code type} is null or neither {@code Post.class} nor
     *     {@code Product.class}; no statement is sent
     */
    public List<Comment> commentsOn(Class<? extends Commentable> type, long itemId) {
        requireItemType(type);
        List<Comment> comments = entityManager.createQuery("""
                        select c
                        from Comment c
                        where c.itemType = :type
                          and c.itemId = :itemId
                        order by c.createdAt desc, c.id desc
                        """, Comment.class)
                .setParameter("type", Comment.discriminatorOf(type))
                .setParameter("itemId", itemId)
                .getResultList();
        if (comments.isEmpty() && entityManager.find(type, itemId) == null) {
            throw new UnknownIdException(type, itemId);
        }
        return comments;
    }

    /**
     * The newest {@code limit} comments alone: 1 SELECT. Each item is a proxy of its concrete type;
     * reading one costs 1 SELECT on that type's table, so a feed of N costs 1 + N.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1; no statement is sent
     */
    public List<Comment> latest(int limit) {
        Require.atLeast(1, limit, "limit");
        return guarded(() -> entityManager.createQuery("""
                        select c
                        from Comment c
                        order by c.createdAt desc, c.id desc
                        """, Comment.class)
                .setMaxResults(limit)
                .getResultList());
    }

    /**
     * The newest comments with their items in 1 SELECT: Hibernate 7.4 left joins every mapped
     * type's table, each on the discriminator value and the id.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1; no statement is sent
     */
    public List<Comment> latestWithItems(int limit) {
        Require.atLeast(1, limit, "limit");
        return guarded(() -> entityManager.createQuery("""
                        select c
                        from Comment c
                        left join fetch c.item
                        order by c.createdAt desc, c.id desc
                        """, Comment.class)
                .setMaxResults(limit)
                .getResultList());
    }

    /**
     * The same single query, asked for by the {@link Comment#WITH_ITEM} entity graph.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1; no statement is sent
     */
    public List<Comment> latestWithItemsByGraph(int limit) {
        Require.atLeast(1, limit, "limit");
        EntityGraph<?> graph = entityManager.getEntityGraph(Comment.WITH_ITEM);
        return guarded(() -> entityManager.createQuery("""
                        select c
                        from Comment c
                        order by c.createdAt desc, c.id desc
                        """, Comment.class)
                .setHint("jakarta.persistence.fetchgraph", graph)
                .setMaxResults(limit)
                .getResultList());
    }

    /**
     * The newest comments, their items read {@code batchSize} at a time per type when first
     * touched: 1 + ⌈P / batchSize⌉ + ⌈Q / batchSize⌉ SELECTs for P posts and Q products.
     *
     * @throws IllegalArgumentException if {@code limit} or {@code batchSize} is below 1; no statement
     *     is sent
     */
    public List<Comment> latestThenBatchFetchItems(int limit, int batchSize) {
        Require.atLeast(1, limit, "limit");
        Require.atLeast(1, batchSize, "batchSize");
        entityManager.unwrap(Session.class).setFetchBatchSize(batchSize);
        return latest(limit);
    }

    /**
     * Every item with its number of comments, 0 included: 1 SELECT, a {@code union all} of one branch
     * per type, each counting on the indexed pair of columns; sorted here, posts first, by id (Hibernate
     * 7.4.13 renders an {@code order by} written after the union inside its last branch).
     */
    public List<ItemCommentCount> countsPerItem() {
        return entityManager.createQuery("""
                        select 'POST', p.id, p.title,
                               (select count(c.id) from Comment c
                                where c.itemType = 'POST' and c.itemId = p.id)
                        from Post p
                        union all
                        select 'PRODUCT', p.id, p.name,
                               (select count(c.id) from Comment c
                                where c.itemType = 'PRODUCT' and c.itemId = p.id)
                        from Product p
                        """, Object[].class)
                .getResultStream()
                .map(row -> new ItemCommentCount((String) row[0], (Long) row[1], (String) row[2], (Long) row[3]))
                .sorted(ItemCommentCount.BY_TYPE_AND_ID)
                .toList();
    }

    /** Items and comments per type: 1 SELECT, one {@code union all} branch per type. */
    public List<TypeCommentCount> countsPerType() {
        return entityManager.createQuery("""
                        select 'POST', count(p.id), (select count(c.id) from Comment c where c.itemType = 'POST')
                        from Post p
                        union all
                        select 'PRODUCT', count(p.id), (select count(c.id) from Comment c where c.itemType = 'PRODUCT')
                        from Product p
                        """, Object[].class)
                .getResultStream()
                .map(row -> new TypeCommentCount((String) row[0], (Long) row[1], (Long) row[2]))
                .sorted(Comparator.comparing(TypeCommentCount::type))
                .toList();
    }

    /**
     * Runs a read of comments; if it fails on an {@code item_type} no entity is mapped to, finds the
     * rows (1 more SELECT, only then) and reports the first by id.
     */
    private <T> T guarded(Supplier<T> read) {
        try {
            return read.get();
        } catch (PersistenceException failure) {
            List<Object[]> unknown = entityManager.createQuery("""
                            select c.id, c.itemType
                            from Comment c
                            where c.itemType not in :known
                            order by c.id
                            """, Object[].class)
                    .setParameter("known", Comment.DISCRIMINATORS.values())
                    .getResultList();
            if (unknown.isEmpty()) {
                throw failure;
            }
            throw new UnmappedItemTypeException((Long) unknown.get(0)[0], (String) unknown.get(0)[1],
                    unknown.size(), failure);
        }
    }

    /** Refuses, naming it, a {@code type} that is null or not one of the types commented on. */
    private static void requireItemType(Class<? extends Commentable> type) {
        if (Require.notNull(type, "type") != Post.class && type != Product.class) {
            throw new IllegalArgumentException("type must be Post or Product, was " + type.getSimpleName());
        }
    }

    /** {@code delete from <type> i where i.id = :id}, built with the criteria API so no name is glued into a query. */
    private <T extends Commentable> int deleteById(Class<T> type, long id) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaDelete<T> delete = builder.createCriteriaDelete(type);
        Root<T> item = delete.from(type);
        delete.where(builder.equal(item.get("id"), id));
        return entityManager.createQuery(delete).executeUpdate();
    }
}
