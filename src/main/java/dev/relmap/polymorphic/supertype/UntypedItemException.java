package dev.relmap.polymorphic.supertype;

/**
 * An item with a row in {@code commentable} but none in {@code post} or {@code product}: a plain
 * SQL delete of a post or product row is accepted by the foreign keys (they point from the subtype
 * to the supertype) and leaves it, with its comments. Hibernate cannot build such an item — its
 * type is abstract — and fails the read inside itself, naming nothing; this names the item and how
 * many comments are on it, so it can be deleted ({@code delete from commentable where id = …}, which
 * deletes its comments) or given back its row. Nothing was written.
 */
public class UntypedItemException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final long itemId;
    private final long comments;

    public UntypedItemException(long itemId, long comments, int items, Throwable cause) {
        super("Item " + itemId + " has a row in commentable but none in post or product, so it cannot be read ("
                + comments + (comments == 1 ? " comment is" : " comments are") + " on it"
                + (items > 1 ? "; " + (items - 1) + " more such items" : "") + ")", cause);
        this.itemId = itemId;
        this.comments = comments;
    }

    public long itemId() {
        return itemId;
    }

    public long comments() {
        return comments;
    }
}
