/**
 * Polymorphic comments, foreign-key safe: {@link dev.relmap.polymorphic.supertype.Post} and
 * {@link dev.relmap.polymorphic.supertype.Product} extend an abstract
 * {@link dev.relmap.polymorphic.supertype.Commentable} (JOINED inheritance), so
 * {@code item_comment.item_id} is one real foreign key, with {@code on delete cascade}. The
 * database refuses a dangling comment, a comment has exactly one item by construction, and a feed
 * with its items is one SELECT; the price is that posts and products share an id sequence and a
 * {@code commentable} table (existing posts and products must be re-keyed into it), reading an item
 * by the supertype joins all subtype tables, and nothing stops one id from being both a post and
 * a product — or neither: a plain SQL delete of a post row leaves its {@code commentable} row and
 * its comments, which Hibernate cannot read, and the repository names it
 * ({@code UntypedItemException}). Choose it over {@code dev.relmap.polymorphic.exclusivearc} when
 * commentable types are many or keep coming: a new type is a new table, and {@code item_comment}
 * never changes.
 *
 * <p>The entity names {@code Post}, {@code Product} and {@code Comment} also exist in the other
 * {@code dev.relmap.polymorphic} packages: copying two of them into one persistence unit fails.
 *
 * <p>Refusals, in the shape every relmap pattern package shares (see {@code docs/errors.md}): a
 * null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require});
 * an item id no row has, by {@code UnknownIdException}, a {@code NoSuchElementException}, read
 * from the foreign key's violation by {@code Constraints}.
 * Once the caller rolls back, a refusal leaves the database as it was.
 */
package dev.relmap.polymorphic.supertype;
