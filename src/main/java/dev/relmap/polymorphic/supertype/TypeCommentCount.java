package dev.relmap.polymorphic.supertype;

/** One kind of item (posts, products) with how many items and comments it has. */
public record TypeCommentCount(Class<?> type, Long items, Long comments) {
}
