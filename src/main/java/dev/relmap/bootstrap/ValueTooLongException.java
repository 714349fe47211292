package dev.relmap.bootstrap;

/**
 * A text value longer than its column, refused before any SQL is sent; the message names the
 * entity, the field, the column's length and the value's, in UTF-16 code units as
 * {@link String#length()} and H2 count them (an emoji is 2, a combining accent 1 more; see
 * {@link TextColumnCheck}). Nothing of the transaction is written.
 */
public class ValueTooLongException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String field;
    private final long maxLength;
    private final long length;

    ValueTooLongException(String entity, String field, long maxLength, long length) {
        super(entity + "." + field + " is " + length + " UTF-16 code units long; its column holds at most " + maxLength);
        this.entity = entity;
        this.field = field;
        this.maxLength = maxLength;
        this.length = length;
    }

    public String entity() {
        return entity;
    }

    public String field() {
        return field;
    }

    public long maxLength() {
        return maxLength;
    }

    public long length() {
        return length;
    }
}
