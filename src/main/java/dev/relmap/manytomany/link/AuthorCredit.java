package dev.relmap.manytomany.link;

import java.util.Objects;

/** An existing author, by id, and the role they take on a new book. */
public record AuthorCredit(long authorId, AuthorRole role) {

    public AuthorCredit {
        Objects.requireNonNull(role, "role");
    }

    public static AuthorCredit writer(long authorId) {
        return new AuthorCredit(authorId, AuthorRole.WRITER);
    }
}
