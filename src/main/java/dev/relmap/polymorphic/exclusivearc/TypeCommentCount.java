package dev.relmap.polymorphic.exclusivearc;

/** One kind of item (POST or PRODUCT) with how many items and comments it has. */
public record TypeCommentCount(String type, Long items, Long comments) {
}
