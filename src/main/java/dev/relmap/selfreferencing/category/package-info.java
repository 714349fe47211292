/**
 * Self-referencing, a tree in one table: a {@link dev.relmap.selfreferencing.category.Category} has a
 * {@code parent} of its own type and {@code subcategories} ({@code mappedBy}). The trade-off: a
 * walk down the tree costs a query per node, so whole subtrees and paths are read with recursive
 * CTEs in HQL, one statement at any depth; and every move is checked and locked, since the schema
 * alone cannot refuse a cycle.
 *
 * <p>A name is unique among its siblings, and the roots are siblings of each other. A unique key on
 * {@code (parent_id, name)} does not say so for roots: H2, PostgreSQL and MariaDB all treat two
 * NULL {@code parent_id}s as distinct, and store two roots called "Books". The options weighed,
 * each tried on the three databases:
 *
 * <ul>
 *   <li>{@code unique nulls not distinct (parent_id, name)}: H2 and PostgreSQL 15 accept it,
 *       MariaDB 10.11 refuses the syntax;
 *   <li>a generated column {@code parent_key generated always as (coalesce(parent_id, 0))}: H2
 *       2.5 refuses {@code stored}, PostgreSQL 15 requires it, so no one DDL serves the three; and
 *       Hibernate's {@code @GeneratedColumn} is a generator on INSERT and UPDATE, which reads the
 *       value back after each one and so ends JDBC batching;
 *   <li>a partial unique index ({@code on category (name) where parent_id is null}) or a functional
 *       one ({@code on category (coalesce(parent_id, 0), name)}): PostgreSQL only, H2 and MariaDB
 *       refuse both, and {@code @Index} cannot declare either;
 *   <li>a synthetic root, one hidden row every top-level category hangs under, so that
 *       {@code parent_id} is never null: every query, count, seed and serialized tree would have to
 *       step around it;
 *   <li>a SELECT in Java before the INSERT: two transactions both find the name free.
 * </ul>
 *
 * <p>The choice: a plain column {@code parent_key bigint not null default 0} holding
 * {@code coalesce(parent_id, 0)}, the unique key on {@code (parent_key, name)}, and a check
 * constraint {@code parent_key = coalesce(parent_id, 0)} (with {@code id > 0}, so that 0 is never
 * a parent), the same DDL on the three databases. Hibernate writes the column from a getter with
 * property access that derives it from {@code parent}: an insert and a change of parent write it in
 * the statement they issue anyway, so no statement count changes and inserts still batch. The
 * database is the authority: a twin root is refused by the key, and a row whose two columns
 * disagree by the check, whether Hibernate or plain SQL writes it, and whatever runs beside it.
 *
 * <p>Refusals, in the shape every relmap pattern package shares (see {@code docs/errors.md}): a
 * null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require});
 * a category id no row has, by {@code UnknownIdException}, a {@code NoSuchElementException}; a
 * name taken among the siblings, by {@code DuplicateCategoryException}, a
 * {@code DuplicateKeyException}; a move into its own subtree or one lost to a concurrent move, by
 * {@code CategoryCycleException} or {@code ConcurrentMoveException}, both a
 * {@code CategoryMoveException}; a delete of a category with subcategories, by
 * {@code CategoryNotEmptyException}: all {@code IllegalStateException}s.
 * Once the caller rolls back, a refusal leaves the database as it was.
 */
package dev.relmap.selfreferencing.category;
