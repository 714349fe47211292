package dev.relmap.polymorphic.any;

import java.util.Comparator;

/** One item, post or product, with how many comments it has (0 included); {@code type} is its discriminator. */
public record ItemCommentCount(String type, Long itemId, String label, Long comments) {

    /** Posts first, then products, each by id. */
    public static final Comparator<ItemCommentCount> BY_TYPE_AND_ID =
            Comparator.comparing(ItemCommentCount::type).thenComparing(ItemCommentCount::itemId);
}
