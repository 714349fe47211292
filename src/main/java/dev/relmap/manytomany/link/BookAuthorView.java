package dev.relmap.manytomany.link;

/** One author of a book, as read by a projection: no entity, nothing managed, nothing lazy. */
public record BookAuthorView(long authorId, String name, String email, AuthorRole role) {
}
