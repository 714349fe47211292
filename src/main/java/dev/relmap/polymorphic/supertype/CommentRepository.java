package dev.relmap.polymorphic.supertype;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * Comments on posts and products through their common supertype, with the statements each method
 * costs. Runs in the caller's transaction; writes flush before returning, so a refusal surfaces
 * here as a typed exception and the caller's rollback leaves the database as it was.
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
     * Comments on an item by its id, without reading the item: 1 INSERT and no SELECT (plus a
     * sequence call per 50 ids). The item is a reference ({@code getReference}); the foreign key
     * checks it exists.
     *
     * @throws UnknownIdException naming the id when no post or product has it (the foreign key
     *     refused the row; nothing was written)
     * @throws IllegalArgumentException if {@code author} or {@code body} is null or blank; no
     *     statement is sent
     */
    // tag::add-comment[]
    public Comment addComment(long itemId, String author, String body) {
        Require.notBlank(author, "author");
        Require.notBlank(body, "body");
        Commentable item = entityManager.getReference(Commentable.class, itemId);
        Comment comment = new Comment(item, author, body, clock.instant());
        entityManager.persist(comment);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translate(e, itemId);
        }
        return comment;
    }
    // end::add-comment[]

    /**
     * Deletes a post or a product: 1 SELECT (the item, to know its type) and 2 DELETEs (its
     * subtype row, then its {@code commentable} row); the database deletes its comments
     * ({@code on delete cascade}) in the same statement, so their number does not matter.
     *
     * @throws UnknownIdException naming the id when no post or product has it; nothing is deleted
     * @throws UntypedItemException naming the item when it has a {@code commentable} row but no
     *     subtype row, after 1 more SELECT; nothing is deleted
     */
    public void deleteItem(long itemId) {
        Commentable item = Optional.ofNullable(guarded(() -> entityManager.find(Commentable.class, itemId)))
                .orElseThrow(() -> new UnknownIdException(Commentable.class, itemId));
        entityManager.remove(item);
        entityManager.flush();
    }

    /**
     * The comments on one post or product, newest first: 1 SELECT, the item not read; an item
     * without comments costs 1 SELECT more, to tell it from an id no item has.
     *
     * @throws UnknownIdException naming the id when no post or product has it
     * @throws UntypedItemException naming the item when it has no comments and a {@code commentable}
     *     row but no subtype row, after 1 more SELECT
     */
    public List<Comment> commentsOn(long itemId) {
        List<Comment> comments = entityManager.createQuery("""
                        select c
                        from Comment c
                        where c.item.id = :itemId
                        order by c.createdAt desc, c.id desc
                        """, Comment.class)
                .setParameter("itemId", itemId)
                .getResultList();
        if (comments.isEmpty() && guarded(() -> entityManager.find(Commentable.class, itemId)) == null) {
            throw new UnknownIdException(Commentable.class, itemId);
        }
        return comments;
    }

    /**
     * The newest {@code limit} comments alone: 1 SELECT. Each item is a proxy; reading one costs
     * 1 SELECT (the supertype joined to both subtype tables), so a feed of N costs 1 + N. Reading
     * the item of a comment on an item with no subtype row fails inside Hibernate, naming nothing;
     * {@link #latestWithItems} names it.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1; no statement is sent
     */
    public List<Comment> latest(int limit) {
        Require.atLeast(1, limit, "limit");
        return entityManager.createQuery("""
                        select c
                        from Comment c
                        order by c.createdAt desc, c.id desc
                        """, Comment.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * The newest comments with their items in 1 SELECT: the comment joined to {@code commentable},
     * left joined to {@code post} and {@code product}; each item is built as what it is.
     *
     * @throws UntypedItemException naming the first item with a {@code commentable} row but no
     *     subtype row, after 1 more SELECT: Hibernate cannot build it and fails the whole read
     * @throws IllegalArgumentException if {@code limit} is below 1; no statement is sent
     */
    public List<Comment> latestWithItems(int limit) {
        Require.atLeast(1, limit, "limit");
        return guarded(() -> entityManager.createQuery("""
                        select c
                        from Comment c
                        join fetch c.item
                        order by c.createdAt desc, c.id desc
                        """, Comment.class)
                .setMaxResults(limit)
                .getResultList());
    }

    /**
     * The same single join, asked for by the {@link Comment#WITH_ITEM} entity graph.
     *
     * @throws UntypedItemException as {@link #latestWithItems} does
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
     * The newest comments, their items read {@code batchSize} at a time when first touched:
     * 1 + ⌈N / batchSize⌉ SELECTs, one shape for posts and products alike (the supertype's).
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
     * Every item, post or product, with its number of comments, 0 included, by id: 1 SELECT. The
     * comments are counted once, grouped by item in a derived table that the items left join, so
     * the database reads {@code item_comment} in one pass. A correlated {@code (select count …)}
     * per item, the obvious way to write it, probes the comments' index once per item (1 002 times
     * at N = 1 000): there it took 1.3–1.7× the wall time of this form on PostgreSQL and 1.1–1.4× on
     * MariaDB, as Hibernate's read and as hand-written JDBC alike, but 0.5–0.8× on H2 in memory,
     * which aggregates the derived table slower than it probes (docs/benchmarks.md). Nothing is
     * grouped by the subtype columns.
     *
     * @throws UntypedItemException naming the first item with a {@code commentable} row but no
     *     subtype row, after 1 more SELECT: Hibernate cannot tell its type
     */
    public List<ItemCommentCount> countsPerItem() {
        return guarded(() -> entityManager.createQuery("""
                        select new dev.relmap.polymorphic.supertype.ItemCommentCount(
                                 type(i),
                                 i.id,
                                 coalesce(treat(i as Post).title, treat(i as Product).name),
                                 coalesce(counted.comments, 0L))
                        from Commentable i
                        left join (
                            select c.item.id as itemId, count(c.id) as comments
                            from Comment c
                            group by c.item.id
                        ) counted on counted.itemId = i.id
                        order by i.id
                        """, ItemCommentCount.class)
                .getResultList());
    }

    /**
     * Items and comments per type of item: 1 SELECT.
     *
     * @throws UntypedItemException as {@link #countsPerItem} does
     */
    public List<TypeCommentCount> countsPerType() {
        return guarded(() -> entityManager.createQuery("""
                        select new dev.relmap.polymorphic.supertype.TypeCommentCount(
                                 type(i), count(distinct i.id), count(c.id))
                        from Commentable i
                        left join i.comments c
                        group by type(i)
                        order by count(distinct i.id) desc
                        """, TypeCommentCount.class)
                .getResultList());
    }

    /**
     * Runs a read that builds items or tells their type. Hibernate 7.4 fails such a read on an item
     * that has a {@code commentable} row but no subtype row without naming it: a
     * {@code NullPointerException} (its own {@code AssertionError} when assertions are on) building
     * it, an {@code IllegalStateException} ("Could not resolve discriminator value") telling its
     * type. Then, and only then, this finds such items (1 more SELECT) and names the first.
     */
    private <T> T guarded(Supplier<T> read) {
        try {
            return read.get();
        } catch (NullPointerException | IllegalStateException | AssertionError failure) {
            List<Object[]> untyped = entityManager.createQuery("""
                            select i.id, (select count(c.id) from Comment c where c.item = i)
                            from Commentable i
                            where not exists (select 1 from Post p where p.id = i.id)
                              and not exists (select 1 from Product p where p.id = i.id)
                            order by i.id
                            """, Object[].class)
                    .getResultList();
            if (untyped.isEmpty()) {
                throw failure;
            }
            throw new UntypedItemException((Long) untyped.get(0)[0], (Long) untyped.get(0)[1], untyped.size(), failure);
        }
    }

    private RuntimeException translate(PersistenceException failure, long itemId) {
        return Constraints.violated(failure, ConstraintKind.FOREIGN_KEY, Comment.FK_ITEM)
                .<RuntimeException>map(violation -> new UnknownIdException(Commentable.class, itemId, failure))
                .orElse(failure);
    }
}
