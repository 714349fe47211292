package dev.relmap.polymorphic.any;

/** One kind of item (its discriminator) with how many items and comments it has. */
public record TypeCommentCount(String type, Long items, Long comments) {
}
