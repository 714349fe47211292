package dev.relmap.manytomany.link;

/**
 * What an author did on a book. Stored by name ({@code WRITER}), so reordering the constants never
 * rewrites history; Hibernate adds a check constraint (PostgreSQL) or an {@code enum} column type
 * (H2, MariaDB) listing the allowed names.
 */
public enum AuthorRole {
    WRITER,
    EDITOR,
    ILLUSTRATOR
}
