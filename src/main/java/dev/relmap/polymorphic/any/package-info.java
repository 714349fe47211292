/**
 * Polymorphic comments through Hibernate's {@code @Any}: {@link dev.relmap.polymorphic.any.Comment}
 * stores {@code item_type} and {@code item_id}, and Hibernate builds a {@code Post} or a
 * {@code Product} from them. Posts and products stay untouched tables; the trade-off is that the
 * database can check nothing — a comment on a missing item, or of an unmapped type, is a row it
 * accepts — so {@link dev.relmap.polymorphic.any.CommentRepository} checks writes, deletes comments
 * with their item, and names unreadable rows. A comment whose item is gone all the same (written
 * unchecked, or left by a plain SQL delete) fails any JOIN FETCH or entity graph of it, and
 * Hibernate reads no {@code @NotFound} on an {@code @Any}; so the feed reads the items as entity
 * joins and shows such a comment without one, in the same single SELECT, and the repository lists
 * and deletes such comments in one statement each. Compare {@code dev.relmap.polymorphic.exclusivearc}.
 *
 * <p>The entity names {@code Post}, {@code Product} and {@code Comment} also exist in the other
 * {@code dev.relmap.polymorphic} packages: copying two of them into one persistence unit fails.
 *
 * <p>Refusals, in the shape every relmap pattern package shares (see {@code docs/errors.md}): a
 * null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require});
 * an item id no row has, by {@code UnknownIdException}, a {@code NoSuchElementException}, except
 * in {@code addCommentUnchecked}, which shows what {@code @Any} accepts when nothing checks; a
 * stored comment whose type no entity is mapped to, on reading it, by
 * {@code UnmappedItemTypeException}, an {@code IllegalStateException}.
 * Once the caller rolls back, a refusal leaves the database as it was.
 */
package dev.relmap.polymorphic.any;
