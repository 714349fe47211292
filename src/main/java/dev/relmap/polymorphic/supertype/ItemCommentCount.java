package dev.relmap.polymorphic.supertype;

/** One item, post or product, with how many comments it has (0 included). */
public record ItemCommentCount(Class<?> type, Long itemId, String label, Long comments) {
}
