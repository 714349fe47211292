package dev.relmap.polymorphic.any;

/**
 * A managed comment of a feed and the managed item it is on, or {@code null} when that item's row
 * is gone: the comment dangles (see {@link CommentRepository#danglingComments}).
 */
public record CommentWithItem(Comment comment, Commentable item) {

    /** Whether the comment's item no longer exists, so a page shows the comment without it. */
    public boolean dangles() {
        return item == null;
    }
}
