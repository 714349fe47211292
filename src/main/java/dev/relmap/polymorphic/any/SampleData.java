package dev.relmap.polymorphic.any;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Deterministic data for this pattern: comment {@code i} (from 1) is written by
 * {@code reader-(i mod 10)} at {@link #START} + i minutes on an item of its own, a post
 * ("Post i") when ⌈i/2⌉ is odd and a product ("Product i", priced i.99) when it is even — so
 * posts and products come in pairs, and two comments already repeat a type. Two more items,
 * a post and a product, have no comments.
 */
public final class SampleData {

    /** The instant comment 0 would have been written at. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Items seeded without comments: one post, one product. */
    public static final int QUIET_ITEMS = 2;

    private static final int FLUSH_EVERY = 200;

    private SampleData() {
    }

    /** Whether seeded comment {@code i} is on a post (else on a product). */
    public static boolean onPost(int i) {
        return ((i + 1) / 2) % 2 == 1;
    }

    /** How many of the first {@code n} seeded comments are on posts. */
    public static int commentsOnPosts(int n) {
        int posts = 0;
        for (int i = 1; i <= n; i++) {
            posts += onPost(i) ? 1 : 0;
        }
        return posts;
    }

    /** Seeded item {@code i}: "Post i" or "Product i", transient. */
    public static Commentable item(int i) {
        return onPost(i)
                ? new Post("Post " + i, "Content of post " + i)
                : new Product("Product " + i, new BigDecimal(i + ".99"));
    }

    /** Persists N comments on N items and the two quiet items, in the caller's transaction; leaves the context clear. */
    public static void seed(EntityManager entityManager, int n) {
        entityManager.persist(new Post("Quiet post", "Nobody commented yet"));
        entityManager.persist(new Product("Quiet product", new BigDecimal("0.99")));
        for (int i = 1; i <= n; i++) {
            Commentable item = item(i);
            entityManager.persist(item);
            entityManager.persist(new Comment(item, "reader-" + (i % 10), "Comment " + i,
                    START.plus(i, ChronoUnit.MINUTES)));
            if (i % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        entityManager.flush();
        entityManager.clear();
    }
}
