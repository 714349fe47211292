package dev.relmap.manytomany.link;

/** One (book, author, role) row of the catalogue, as read by a flat projection. */
public record CreditRow(long bookId, String title, String authorName, AuthorRole role) {
}
