package dev.relmap.polymorphic.any;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Root;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Comments on posts and products through {@code @Any}, with the statements each method costs and
 * the guards the database cannot give: a checked write, a cleanup when an item is deleted, a feed
 * that reads past a comment whose item is gone (and the query that finds such comments, and the one
 * that deletes them), and a clear report of a row whose type is not mapped. Runs in the caller's
 * transaction; writes flush before returning.
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
     * at all: an id that no item has is written as it is, a comment on nothing, which dangles from
     * then on ({@link #danglingComments}). This is what {@code @Any} gives by itself; use
     * {@link #addComment} unless the id is known to exist.
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
     * stops the item's DELETE. An item already deleted some other way is refused like any missing
     * one; its comments are repaired by {@link #deleteDanglingComments}.
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
     * The comments on one post or product, newest first: 1 SELECT from the item's table, left
     * joined to its comments on the indexed pair of columns, the item not loaded — so an item without
     * comments (one row, no comment) is told from an id no item has (no row) in the same statement,
     * and comments left behind by a deleted item are not answered as if it still existed.
     *
     * @throws UnknownIdException naming the type and id when there is no such item, even if
     *     comments still point at it (they dangle: {@link #danglingComments})
     * @throws IllegalArgumentException if {@code type} is null or neither {@code Post.class} nor
     *     {@code Product.class}; no statement is sent
     */
    public List<Comment> commentsOn(Class<? extends Commentable> type, long itemId) {
        requireItemType(type);
        String query = type == Post.class
                ? """
                        select c
                        from Post i
                        left join Comment c on c.itemType = 'POST' and c.itemId = i.id
                        where i.id = :itemId
                        order by c.createdAt desc, c.id desc
                        """
                : """
                        select c
                        from Product i
                        left join Comment c on c.itemType = 'PRODUCT' and c.itemId = i.id
                        where i.id = :itemId
                        order by c.createdAt desc, c.id desc
                        """;
        List<Comment> rows = entityManager.createQuery(query, Comment.class)
                .setParameter("itemId", itemId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new UnknownIdException(type, itemId);
        }
        return rows.stream().filter(Objects::nonNull).toList();
    }

    /**
     * The newest {@code limit} comments, each with its item unread: 1 SELECT, which left joins each
     * type's table on the discriminator and the id only to learn whether the item still exists.
     * Each item is a proxy of its concrete type; reading one costs 1 SELECT on that type's table, so
     * a feed of N costs 1 + N. A comment whose item is gone comes with none ({@link
     * CommentWithItem#dangles}) instead of a proxy that would fail when the page reads it.
     *
     * @throws UnmappedItemTypeException naming the first comment whose {@code item_type} no entity is
     *     mapped to, after 1 more SELECT
     * @throws IllegalArgumentException if {@code limit} is below 1; no statement is sent
     */
    public List<CommentWithItem> latest(int limit) {
        Require.atLeast(1, limit, "limit");
        List<Object[]> rows = guarded(() -> entityManager.createQuery("""
                        select c, coalesce(p.id, pr.id)
                        from Comment c
                        left join Post p on c.itemType = 'POST' and p.id = c.itemId
                        left join Product pr on c.itemType = 'PRODUCT' and pr.id = c.itemId
                        order by c.createdAt desc, c.id desc
                        """, Object[].class)
                .setMaxResults(limit)
                .getResultList());
        return rows.stream().map(row -> {
            Comment comment = (Comment) row[0];
            return new CommentWithItem(comment, row[1] == null ? null : comment.getItem());
        }).toList();
    }

    /**
     * The newest comments with their items, in 1 SELECT: each type's table left joined on the
     * discriminator and the id, the same SQL as a {@code left join fetch c.item}, but the items
     * selected as entities of their own. A comment whose item is gone keeps its place in the feed,
     * with none ({@link CommentWithItem#dangles}): one dangling row neither fails every reader's
     * page nor vanishes from it. (A fetch of the {@code @Any} would fail the whole read with
     * {@code FetchNotFoundException}, and Hibernate 7.4 reads no {@code @NotFound} on an
     * {@code @Any}.)
     *
     * @throws UnmappedItemTypeException naming the first comment whose {@code item_type} no entity is
     *     mapped to, after 1 more SELECT
     * @throws IllegalArgumentException if {@code limit} is below 1; no statement is sent
     */
    // tag::latest-with-items[]
    public List<CommentWithItem> latestWithItems(int limit) {
        Require.atLeast(1, limit, "limit");
        List<Object[]> rows = guarded(() -> entityManager.createQuery("""
                        select c, p, pr
                        from Comment c
                        left join Post p on c.itemType = 'POST' and p.id = c.itemId
                        left join Product pr on c.itemType = 'PRODUCT' and pr.id = c.itemId
                        order by c.createdAt desc, c.id desc
                        """, Object[].class)
                .setMaxResults(limit)
                .getResultList());
        return rows.stream()
                .map(row -> new CommentWithItem((Comment) row[0], (Commentable) (row[1] != null ? row[1] : row[2])))
                .toList();
    }
    // end::latest-with-items[]

    /**
     * The newest comments with their items fetched through the {@link Comment#WITH_ITEM} entity
     * graph: 1 SELECT, the same left joins. A fetch cannot read past a missing item — it would fail
     * the whole read with {@code FetchNotFoundException} — so the query leaves out the comments
     * whose item is gone (two indexed {@code exists}); no entry {@link CommentWithItem#dangles}.
     * {@link #latestWithItems} keeps them, {@link #danglingComments} lists them. Rows of an unmapped
     * type are kept, to be reported by name.
     *
     * @throws UnmappedItemTypeException naming the first comment whose {@code item_type} no entity is
     *     mapped to, after 1 more SELECT
     * @throws IllegalArgumentException if {@code limit} is below 1; no statement is sent
     */
    public List<CommentWithItem> latestWithItemsByGraph(int limit) {
        Require.atLeast(1, limit, "limit");
        EntityGraph<?> graph = entityManager.getEntityGraph(Comment.WITH_ITEM);
        List<Comment> comments = guarded(() -> entityManager.createQuery("""
                        select c
                        from Comment c
                        where c.itemType = 'POST' and exists (select 1 from Post p where p.id = c.itemId)
                           or c.itemType = 'PRODUCT' and exists (select 1 from Product p where p.id = c.itemId)
                           or c.itemType not in ('POST', 'PRODUCT')
                        order by c.createdAt desc, c.id desc
                        """, Comment.class)
                .setHint("jakarta.persistence.fetchgraph", graph)
                .setMaxResults(limit)
                .getResultList());
        return comments.stream().map(comment -> new CommentWithItem(comment, comment.getItem())).toList();
    }

    /**
     * The newest comments, their items read {@code batchSize} at a time per type when first
     * touched: 1 + ⌈P / batchSize⌉ + ⌈Q / batchSize⌉ SELECTs for P posts and Q products. A comment
     * whose item is gone comes with none, as in {@link #latest}.
     *
     * @throws UnmappedItemTypeException naming the first comment whose {@code item_type} no entity is
     *     mapped to, after 1 more SELECT
     * @throws IllegalArgumentException if {@code limit} or {@code batchSize} is below 1; no statement
     *     is sent
     */
    public List<CommentWithItem> latestThenBatchFetchItems(int limit, int batchSize) {
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
     * The comments whose item is gone, by id: 1 SELECT, two {@code not exists} on the items'
     * primary keys. Such a row is written by {@link #addCommentUnchecked} on an id no item has, or
     * left by a delete of an item that went around {@link #deleteItem} (plain SQL, another program);
     * {@link #latestWithItems} shows each without an item. Rows of an unmapped type are not listed
     * here: reading them fails with {@link UnmappedItemTypeException}, which names them.
     */
    // tag::dangling-comments[]
    public List<DanglingComment> danglingComments() {
        return entityManager.createQuery("""
                        select c.id, c.itemType, c.itemId, c.author, c.createdAt
                        from Comment c
                        where c.itemType = 'POST' and not exists (select 1 from Post p where p.id = c.itemId)
                           or c.itemType = 'PRODUCT' and not exists (select 1 from Product p where p.id = c.itemId)
                        order by c.id
                        """, DanglingComment.class)
                .getResultList();
    }
    // end::dangling-comments[]

    /**
     * Deletes the comments whose item is gone, the rows {@link #danglingComments} lists: 1 DELETE,
     * no SELECT, the same two {@code not exists} checked as each row is deleted, so a comment whose
     * item exists by then stays. The repair after a delete that went around {@link #deleteItem};
     * list the rows first if they are to be kept somewhere.
     *
     * @return the number of comments deleted
     */
    // tag::delete-dangling-comments[]
    public int deleteDanglingComments() {
        return entityManager.createQuery("""
                        delete from Comment c
                        where c.itemType = 'POST' and not exists (select 1 from Post p where p.id = c.itemId)
                           or c.itemType = 'PRODUCT' and not exists (select 1 from Product p where p.id = c.itemId)
                        """)
                .executeUpdate();
    }
    // end::delete-dangling-comments[]

    /**
     * Runs a read of comments; if it fails on an {@code item_type} no entity is mapped to, finds the
     * rows (1 more SELECT, only then) and reports the first by id. A failure the database sent
     * (an {@code SQLException} behind it) is thrown as it is, with no second query: on PostgreSQL
     * that query would itself fail, "current transaction is aborted", and hide the first error.
     */
    private <T> T guarded(Supplier<T> read) {
        try {
            return read.get();
        } catch (PersistenceException failure) {
            if (sentByTheDatabase(failure)) {
                throw failure;
            }
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

    private static boolean sentByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
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
