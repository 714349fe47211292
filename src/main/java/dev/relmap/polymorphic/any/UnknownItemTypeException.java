package dev.relmap.polymorphic.any;

import java.util.TreeSet;

/**
 * A comment row whose {@code item_type} names no mapped entity (a type since removed, or a row
 * another program wrote). Reading it fails as a whole — no half-built page — and this names the
 * row, so it can be fixed or deleted.
 */
public class UnknownItemTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long commentId;
    private final String itemType;

    public UnknownItemTypeException(long commentId, String itemType, int rows, Throwable cause) {
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
