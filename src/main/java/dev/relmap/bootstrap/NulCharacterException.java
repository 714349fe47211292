package dev.relmap.bootstrap;

/**
 * A text value containing the NUL character (U+0000), refused before any SQL is sent; the message
 * names the entity, the field and where the NUL is. PostgreSQL cannot store NUL in text at all;
 * H2 and MariaDB can, and relmap refuses it on all three so that a value accepted on one database
 * is accepted on every one. Nothing of the transaction is written.
 */
public class NulCharacterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String field;

    NulCharacterException(String entity, String field, int index) {
        super(entity + "." + field + " contains the NUL character (U+0000) at index " + index
                + ", which PostgreSQL cannot store in text");
        this.entity = entity;
        this.field = field;
    }

    public String entity() {
        return entity;
    }

    public String field() {
        return field;
    }
}
