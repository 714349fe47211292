/**
 * Polymorphic comments, foreign-key safe: {@link dev.relmap.polymorphic.supertype.Post} and
 * {@link dev.relmap.polymorphic.supertype.Product} extend an abstract
 * {@link dev.relmap.polymorphic.supertype.Commentable} (JOINED inheritance), so
 * {@code item_comment.item_id} is one real foreign key, with {@code on delete cascade}. The
 * database refuses a dangling comment, a comment has exactly one item by construction, and a feed
 * with its items is one SELECT; the price is that posts and products share an id sequence and a
 * {@code commentable} table, and reading an item by the supertype joins all subtype tables.
 *
 * <p>The entity names {@code Post}, {@code Product} and {@code Comment} also exist in
 * {@code dev.relmap.polymorphic.any}: copying both packages into one persistence unit fails.
 */
package dev.relmap.polymorphic.supertype;
