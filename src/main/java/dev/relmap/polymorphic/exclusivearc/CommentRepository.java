package dev.relmap.polymorphic.exclusivearc;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * Comments on posts and products through one foreign key per type, with the statements each
 * method costs. Runs in the caller's transaction; writes flush before returning, so a refusal
 * surfaces here as a typed exception and the caller's rollback leaves the database as it was.
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
     * Comments on an item by type and id, without reading it: 1 INSERT and no SELECT. The item is
     * a reference; its type's foreign key checks it exists.
     *
     * @throws UnknownIdException naming the type and id the foreign key refused; nothing written
     * @throws IllegalArgumentException if {@code type} is null or neither {@code Post.class} nor
     *     {@code Product.class}, or {@code author} or {@code body} is null or blank; no statement
     *     is sent
     */
    public Comment addComment(Class<? extends Commentable> type, long itemId, String author, String body) {
        requireItemType(type);
        Require.notBlank(author, "author");
        Require.notBlank(body, "body");
        Comment comment = new Comment(entityManager.getReference(type, itemId), author, body, clock.instant());
        entityManager.persist(comment);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translate(e, type, itemId);
        }
        return comment;
    }

    /**
     * Deletes a post or a product: 1 DELETE and no SELECT; the database deletes its comments
     * ({@code on delete cascade}) in the same statement.
     *
     * @throws UnknownIdException naming the type and id when there is no such item
     * @throws IllegalArgumentException if {@code type} is null or neither {@code Post.class} nor
     *     {@code Product.class}; no statement is sent
     */
    public void deleteItem(Class<? extends Commentable> type, long itemId) {
        requireItemType(type);
        int deleted = deleteById(type, itemId);
        if (deleted == 0) {
            throw new UnknownIdException(type, itemId);
        }
    }

    /**
     * The comments on one post or product, newest first: 1 SELECT on that type's indexed key, the
     * item not read; an item without comments costs 1 SELECT more, to tell it from an id no item has.
     *
     * @throws UnknownIdException naming the type and id when there is no such item
     * @throws IllegalArgumentException if {@code type} is null or neither {@code Post.class} nor
     *     {@code Product.class}; no statement is sent
     */
    public List<Comment> commentsOn(Class<? extends Commentable> type, long itemId) {
        requireItemType(type);
        String query = type == Post.class
                ? """
                        select c
                        from Comment c
                        where c.post.id = :itemId
                        order by c.createdAt desc, c.id desc
                        """
                : """
                        select c
                        from Comment c
                        where c.product.id = :itemId
                        order by c.createdAt desc, c.id desc
                        """;
        List<Comment> comments = entityManager.createQuery(query, Comment.class)
                .setParameter("itemId", itemId)
                .getResultList();
        if (comments.isEmpty() && entityManager.find(type, itemId) == null) {
            throw new UnknownIdException(type, itemId);
        }
        return comments;
    }

    /**
     * The newest {@code limit} comments alone: 1 SELECT; reading each item then costs 1 SELECT on its table.
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
     * The newest comments with their items in 1 SELECT: one left join per type.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1; no statement is sent
     */
    public List<Comment> latestWithItems(int limit) {
        Require.atLeast(1, limit, "limit");
        return entityManager.createQuery("""
                        select c
                        from Comment c
                        left join fetch c.post
                        left join fetch c.product
                        order by c.createdAt desc, c.id desc
                        """, Comment.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * The same single query, asked for by the {@link Comment#WITH_ITEM} entity graph.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1; no statement is sent
     */
    public List<Comment> latestWithItemsByGraph(int limit) {
        Require.atLeast(1, limit, "limit");
        EntityGraph<?> graph = entityManager.getEntityGraph(Comment.WITH_ITEM);
        return entityManager.createQuery("""
                        select c
                        from Comment c
                        order by c.createdAt desc, c.id desc
                        """, Comment.class)
                .setHint("jakarta.persistence.fetchgraph", graph)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * The newest comments, their items read {@code batchSize} at a time per type when first touched.
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

    /** Every item with its number of comments, 0 included: 1 SELECT, a {@code union all}; sorted here, posts first, by id. */
    public List<ItemCommentCount> countsPerItem() {
        return entityManager.createQuery("""
                        select 'POST', p.id, p.title, (select count(c.id) from Comment c where c.post = p)
                        from Post p
                        union all
                        select 'PRODUCT', p.id, p.name, (select count(c.id) from Comment c where c.product = p)
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
                        select 'POST', count(p.id), (select count(c.id) from Comment c where c.post is not null)
                        from Post p
                        union all
                        select 'PRODUCT', count(p.id), (select count(c.id) from Comment c where c.product is not null)
                        from Product p
                        """, Object[].class)
                .getResultStream()
                .map(row -> new TypeCommentCount((String) row[0], (Long) row[1], (Long) row[2]))
                .sorted(Comparator.comparing(TypeCommentCount::type))
                .toList();
    }

    /** Refuses, naming it, a {@code type} that is null or not one of the types commented on. */
    private static void requireItemType(Class<? extends Commentable> type) {
        if (Require.notNull(type, "type") != Post.class && type != Product.class) {
            throw new IllegalArgumentException("type must be Post or Product, was " + type.getSimpleName());
        }
    }

    private RuntimeException translate(PersistenceException failure, Class<? extends Commentable> type, long itemId) {
        return Constraints.violated(failure, ConstraintKind.FOREIGN_KEY, Comment.FK_POST)
                .or(() -> Constraints.violated(failure, ConstraintKind.FOREIGN_KEY, Comment.FK_PRODUCT))
                .<RuntimeException>map(violation -> new UnknownIdException(type, itemId, failure))
                .orElse(failure);
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
