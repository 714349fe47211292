package dev.relmap.catalog;

import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.Strategy.NPlusOne;
import dev.relmap.polymorphic.supertype.*;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;

/**
 * Polymorphic comments through a common supertype, declared once for the tour, the table on its
 * docs page and the tests. Each feed strategy reads the whole seeded feed — N comments, newest first, each
 * on its own item ({@link SampleData}) — and each comment's item label; it returns the comments read.
 */
public final class SupertypePattern implements MappingPattern {

    /** A limit above any seeded N: the feed strategies read all N comments. */
    public static final int WHOLE_FEED = Integer.MAX_VALUE;

    /** Items per batch in the batch-fetch strategy. */
    public static final int FETCH_BATCH_SIZE = 10;

    @Override
    public String name() {
        return "polymorphic-supertype";
    }

    @Override
    public String title() {
        return "Polymorphic comments through a supertype: Comment → Commentable (Post | Product)";
    }

    @Override
    public String family() {
        return "Polymorphic comments";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Commentable.class, Post.class, Product.class, Comment.class);
    }

    @Override
    public void seed(EntityManager entityManager, int n) {
        SampleData.seed(entityManager, n);
    }

    @Override
    public List<Strategy> strategies() {
        int batch = FETCH_BATCH_SIZE;
        return List.of(
                feed("lazy (N+1)", "Loads the comments, then each item on first touch: one query per item.",
                        CountFormula.of("1 + N", n -> 1 + n), NPlusOne.FROM_TWO_ROOTS,
                        repository -> repository.latest(WHOLE_FEED)).by("CommentRepository.latest"),
                feed("JOIN FETCH", "One query joins comments to the supertype and left joins both subtype tables.",
                        CountFormula.constant(1), NPlusOne.NEVER, repository -> repository.latestWithItems(WHOLE_FEED)).by("CommentRepository.latestWithItems"),
                feed("entity graph", "The same join, asked for by the @NamedEntityGraph on Comment.",
                        CountFormula.constant(1), NPlusOne.NEVER,
                        repository -> repository.latestWithItemsByGraph(WHOLE_FEED)).by("CommentRepository.latestWithItemsByGraph"),
                feed("batch fetch (" + batch + ")", "Loads the comments, then " + batch
                                + " items per query, posts and products alike.",
                        CountFormula.of("1 + ⌈N/" + batch + "⌉", n -> 1 + (n + batch - 1) / batch), NPlusOne.NEVER,
                        repository -> repository.latestThenBatchFetchItems(WHOLE_FEED, batch)).by("CommentRepository.latestThenBatchFetchItems"),
                new Strategy("comment counts (record)",
                        "Every item with its number of comments, zero included, as records.",
                        CountFormula.constant(1), CountFormula.of("N + " + SampleData.QUIET_ITEMS,
                                n -> n + SampleData.QUIET_ITEMS), NPlusOne.NEVER,
                        entityManager -> new CommentRepository(entityManager).countsPerItem().size()).by("CommentRepository.countsPerItem"));
    }

    private static Strategy feed(String name, String description, CountFormula selects, NPlusOne nPlusOne,
            Function<CommentRepository, List<Comment>> query) {
        return new Strategy(name, description, selects, CountFormula.of("N", n -> n), nPlusOne,
                entityManager -> readLabels(query.apply(new CommentRepository(entityManager))));
    }

    /** Reads every comment's item label, as a feed showing "… on <item>" would. */
    private static int readLabels(List<Comment> comments) {
        int read = 0;
        for (Comment comment : comments) {
            read += comment.getItem().getLabel().isEmpty() ? 0 : 1;
        }
        return read;
    }
}
