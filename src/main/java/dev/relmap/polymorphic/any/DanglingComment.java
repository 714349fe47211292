package dev.relmap.polymorphic.any;

import java.time.Instant;

/**
 * A comment whose item is gone: no row of {@code itemType}'s table has {@code itemId}. What a
 * repair needs to know, read without building the comment, whose item could not be read.
 */
public record DanglingComment(Long commentId, String itemType, Long itemId, String author, Instant createdAt) {
}
