/**
 * Self-referencing, a tree in one table: a {@link dev.relmap.selfreferencing.Category} has a
 * {@code parent} of its own type and {@code subcategories} ({@code mappedBy}). The trade-off: a
 * walk down the tree costs a query per node, so whole subtrees and paths are read with recursive
 * CTEs in HQL, one statement at any depth; and every move is checked and locked, since the schema
 * alone cannot refuse a cycle.
 */
package dev.relmap.selfreferencing;
