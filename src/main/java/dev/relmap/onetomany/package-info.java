/**
 * One-to-many, bidirectional, owned by the child: {@link dev.relmap.onetomany.Author} has many
 * {@link dev.relmap.onetomany.Book}s through {@code book.author_id}, with {@code mappedBy} on the
 * author and LAZY everywhere. The trade-off: every read chooses how to fetch the books (the
 * repositories show each way and what it costs), and in exchange a write is one statement per row,
 * plus one UPDATE of the author's stored {@code book_count} per book added or removed.
 *
 * <p>{@code dev.relmap.manytomany.link} also has entities named {@code Author} and {@code Book}, with
 * other columns: copy this package or that one into a persistence unit, not both (Hibernate
 * refuses two entities of one name unless one is renamed with {@code @Entity(name = …)}).
 *
 * <p>Refusals, in the shape every relmap pattern package shares (see {@code docs/errors.md}): a
 * null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require});
 * an author or book id no row has, by {@code UnknownIdException}, a {@code NoSuchElementException}
 * (the finder that returns an {@code Optional} answers it empty); a taken e-mail or ISBN, by
 * {@code DuplicateEmailException} or {@code DuplicateIsbnException}, both a
 * {@code DuplicateKeyException} (an {@code IllegalStateException}) naming the value and the
 * constraint, found by {@code Constraints}.
 * Once the caller rolls back, a refusal leaves the database as it was.
 */
package dev.relmap.onetomany;
