package dev.relmap.manytomany.link;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/**
 * The primary key of {@link BookAuthorLink}: the pair (book, author). Both parts are copied from
 * the link's associations by {@code @MapsId}, so the key is also the pair's uniqueness guarantee.
 * Value equality, as every embeddable id needs.
 */
@Embeddable
public class BookAuthorId implements Serializable {

    @Column(name = "book_id")
    private Long bookId;

    @Column(name = "author_id")
    private Long authorId;

    protected BookAuthorId() {
    }

    public BookAuthorId(Long bookId, Long authorId) {
        this.bookId = bookId;
        this.authorId = authorId;
    }

    public Long getBookId() {
        return bookId;
    }

    public Long getAuthorId() {
        return authorId;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof BookAuthorId that
                        && Objects.equals(bookId, that.bookId)
                        && Objects.equals(authorId, that.authorId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bookId, authorId);
    }

    @Override
    public String toString() {
        return "(book " + bookId + ", author " + authorId + ")";
    }
}
