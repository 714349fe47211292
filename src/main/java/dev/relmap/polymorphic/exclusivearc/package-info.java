/**
 * Polymorphic comments through an exclusive arc: {@link dev.relmap.polymorphic.exclusivearc.Comment}
 * has one nullable foreign key per commentable type ({@code post_id}, {@code product_id}) and a
 * check constraint that exactly one is set. relmap recommends it for a few commentable types:
 * the database checks every rule (the item exists, exactly one is set, its comments go with it)
 * and posts and products keep their tables and ids. The trade-off is a column, a key, an index
 * and a check-constraint change for each new commentable type, and one left join per type in a
 * feed. Compare {@code dev.relmap.polymorphic.supertype}.
 *
 * <p>The entity names {@code Post}, {@code Product} and {@code Comment} also exist in the other
 * {@code dev.relmap.polymorphic} packages: copying two of them into one persistence unit fails.
 *
 * <p>Refusals, in the shape every relmap pattern package shares (see {@code docs/errors.md}): a
 * null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require});
 * an item id no row has, by {@code UnknownIdException}, a {@code NoSuchElementException}, read
 * from either foreign key's violation by {@code Constraints}.
 * Once the caller rolls back, a refusal leaves the database as it was.
 */
package dev.relmap.polymorphic.exclusivearc;
