package dev.relmap.polymorphic.any;

import java.util.TreeSet;

/**
 * A stored comment row whose {@code item_type} names no mapped entity (a type since removed, or a
 * row another program wrote). Reading it fails as a whole — no half-built page — and this names the
 * row ({@link #commentId()}, {@link #itemType()}), so it can be fixed or deleted. An
 * {@link IllegalStateException}, not a {@code NoSuchElementException}: the caller asked for nothing
 * missing, the stored data is in a state this mapping cannot read.
 */
public class UnmappedItemTypeException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final long commentId;
    private final String itemType;

    public UnmappedItemTypeException(long commentId, String itemType, int rows, Throwable cause) {
        super("Comment " + commentId + " points at item type '" + itemType + "', which is not one of "
                + new TreeSet<>(Comment.DISCRIMINATORS.values())
                + (rows > 1 ? " (and " + (rows - 1) + " more such comments)" : ""), cause);
        this.commentId = commentId;
        this.itemType = itemType;
    }

    public long commentId() {
        return commentId;
    }

    public String itemType() {
        return itemType;
    }
}
