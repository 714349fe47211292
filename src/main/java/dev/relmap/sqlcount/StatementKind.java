package dev.relmap.sqlcount;

/**
 * What a statement does. {@link #SEQUENCE} is id allocation: a SELECT to the database
 * ({@code select next value for book_seq}, {@code select nextval('book_seq')}) but not a read of
 * data, and likewise the SELECT, UPDATE and INSERT Hibernate runs on its id table for
 * {@code GenerationType.TABLE}. The kit keeps id allocation apart so a write's counts are not
 * muddied by it.
 */
public enum StatementKind {
    SELECT,
    INSERT,
    UPDATE,
    DELETE,
    SEQUENCE,
    OTHER
}
