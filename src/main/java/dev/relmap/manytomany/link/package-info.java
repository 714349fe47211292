/**
 * Many-to-many through a link entity: {@link dev.relmap.manytomany.link.Book} ↔
 * {@link dev.relmap.manytomany.link.Author} via {@link dev.relmap.manytomany.link.BookAuthorLink}, whose
 * composite key is the pair and whose {@code role} column a plain {@code @ManyToMany} could not
 * hold. The trade-off: one more entity to write, in exchange for single-row inserts, updates and
 * deletes of links, and a place for the pair's own data.
 *
 * <p>{@code dev.relmap.onetomany} also has entities named {@code Author} and {@code Book}, with
 * other columns: copy this package or that one into a persistence unit, not both (Hibernate
 * refuses two entities of one name unless one is renamed with {@code @Entity(name = …)}).
 *
 * <p>Refusals, in the shape every relmap pattern package shares (see {@code docs/errors.md}): a
 * null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require});
 * a book or author id no row has, by {@code UnknownIdException}, and an author the book does not
 * credit, by {@code UnknownLinkException}, both {@code NoSuchElementException}s; a taken ISBN or a
 * pair linked twice, by {@code DuplicateIsbnException} or {@code DuplicateLinkException}, both a
 * {@code DuplicateKeyException} (an {@code IllegalStateException}).
 * Once the caller rolls back, a refusal leaves the database as it was.
 */
package dev.relmap.manytomany.link;
