package dev.relmap.onetomany;

/** A book with its author's name, read by a projection: one row per book, nothing managed. */
public record BookSummary(long bookId, String title, String authorName) {
}
