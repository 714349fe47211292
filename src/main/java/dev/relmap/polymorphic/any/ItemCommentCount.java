package dev.relmap.polymorphic.any;

/** One item, post or product, with how many comments it has (0 included); {@code type} is its discriminator. */
public record ItemCommentCount(String type, Long itemId, String label, Long comments) {
}
