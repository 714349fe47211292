package dev.relmap.manytomany;

/**
 * What an author did on a book. Stored by name ({@code WRITER}), so reordering the constants never
 * rewrites history; Hibernate adds a check constraint (H2, PostgreSQL) or an {@code enum} column
 * type (MariaDB) listing the allowed names.
 */
public enum AuthorRole {
    WRITER,
    EDITOR,
    ILLUSTRATOR
}
