/**
 * One-to-many, bidirectional, owned by the child: {@link dev.relmap.onetomany.Author} has many
 * {@link dev.relmap.onetomany.Book}s through {@code book.author_id}, with {@code mappedBy} on the
 * author and LAZY everywhere. The trade-off: every read chooses how to fetch the books (the
 * repositories show each way and what it costs), and in exchange a write is one INSERT per row.
 */
package dev.relmap.onetomany;
