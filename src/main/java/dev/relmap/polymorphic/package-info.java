/**
 * Polymorphic associations: one {@code Comment} type on posts and on products, in three variants,
 * each a sub-package that is whole and copyable and registered as a pattern of its own (its own
 * unit and schema, its own strategies in the tour), because each maps the same entity names to
 * different tables:
 *
 * <ul>
 *   <li>{@link dev.relmap.polymorphic.exclusivearc} — recommended for a few commentable types:
 *       one nullable foreign key per type and a check constraint that exactly one is set;
 *   <li>{@link dev.relmap.polymorphic.supertype} — for many or growing types: {@code Post} and
 *       {@code Product} extend a JOINED {@code Commentable}, so a comment has one real foreign key;
 *   <li>{@link dev.relmap.polymorphic.any} — Hibernate's {@code @Any}: a type column and an id
 *       column that the database cannot check, guarded in the repository instead.
 * </ul>
 *
 * All three read a feed of N comments with their items in 1 SELECT, and all three lazy
 * baselines cost 1 + N. They differ in what the database guarantees: the two foreign-key
 * variants refuse a comment on a missing item and delete an item's comments with it
 * ({@code on delete cascade}); {@code @Any} accepts both and relies on the code, and its feed
 * shows a comment whose item is gone without one.
 */
package dev.relmap.polymorphic;
