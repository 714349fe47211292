/**
 * Self-referencing, a tree in one table: a {@link dev.relmap.selfreferencing.category.Category} has a
 * {@code parent} of its own type and {@code subcategories} ({@code mappedBy}). The trade-off: a
 * walk down the tree costs a query per node, so whole subtrees and paths are read with recursive
 * CTEs in HQL, one statement at any depth; and every move is checked and locked, since the schema
 * alone cannot refuse a cycle.
 *
 * <p>Bad input: a null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require}); a
 * category id no row has, by {@code UnknownIdException}. Once the caller rolls back, a refusal
 * leaves the database as it was.
 */
package dev.relmap.selfreferencing.category;
